import { z } from 'zod';
import type { DraftProbe, DraftRef } from '../../flows/ports/index.js';
import { ServiceError } from '../../flows/ports/index.js';
import type { GoogleRequest, GoogleResponse } from './http.js';

/** One Gmail call with the adapter's base URL, scope and retries. */
export type GmailCall = (operation: string, method: 'GET' | 'POST' | 'DELETE', path: string, token: string, more?: Partial<GoogleRequest>) => Promise<GoogleResponse>;

const DraftList = z.object({
  drafts: z.array(z.object({ id: z.string(), message: z.object({ id: z.string() }) })).default([]),
});

/** drafts.get in the `full` format: only the text parts' bodies are read. */
type Part = { mimeType?: string | undefined; body?: { data?: string | undefined } | undefined; parts?: Part[] | undefined };
const Part: z.ZodType<Part> = z.lazy(() => z.object({ mimeType: z.string().optional(), body: z.object({ data: z.string().optional() }).optional(), parts: z.array(Part).optional() }));
const FullDraft = z.object({ message: z.object({ payload: Part.optional() }) });

/** How many same-subject drafts are opened to find the one carrying the event link. */
const MAX_CANDIDATES = 10;
/** Gmail's clock and ours may differ; the `after:` bound is widened by this much. */
const CLOCK_MARGIN_MS = 60 * 60_000;

async function listDrafts(call: GmailCall, token: string, q: string, max: number): Promise<DraftRef[]> {
  const params = new URLSearchParams({ q, maxResults: String(max) });
  const res = await call('drafts.list', 'GET', `/users/me/drafts?${params.toString()}`, token);
  const parsed = DraftList.safeParse(res.body);
  if (res.status !== 200 || !parsed.success) throw new ServiceError({ service: 'gmail', operation: 'drafts.list', problem: 'unknown', status: res.status });
  return parsed.data.drafts.map((d) => ({ draftId: d.id, messageId: d.message.id }));
}

function textOf(part: Part | undefined): string {
  if (!part) return '';
  const own = part.mimeType?.startsWith('text/') && part.body?.data ? Buffer.from(part.body.data, 'base64url').toString('utf8') : '';
  return own + (part.parts ?? []).map(textOf).join('\n');
}

async function carries(call: GmailCall, token: string, draftId: string, marker: string): Promise<boolean> {
  const res = await call('drafts.get', 'GET', `/users/me/drafts/${encodeURIComponent(draftId)}?format=full`, token);
  if (res.status === 404) return false;
  const parsed = FullDraft.safeParse(res.body);
  if (res.status !== 200 || !parsed.success) throw new ServiceError({ service: 'gmail', operation: 'drafts.get', problem: 'unknown', status: res.status });
  return textOf(parsed.data.message.payload).includes(marker);
}

/** A phrase Gmail's search takes inside quotes: no quotes or search syntax of its own. */
const phrase = (s: string) =>
  s
    .replace(/["(){}\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The draft a probe identifies: first by the bot's own Message-ID (`rfc822msgid:`, allowed with
 * gmail.compose). Gmail may have replaced that header, so when nothing has it, drafts with the same
 * subject and recipient made since the booking began are opened, and the one whose body holds the
 * event link is it.
 */
export async function findDraftByProbe(call: GmailCall, token: string, probe: DraftProbe): Promise<DraftRef | undefined> {
  const [byId] = await listDrafts(call, token, `rfc822msgid:${probe.messageId.replace(/^<|>$/g, '')}`, 1);
  if (byId) return byId;
  const subject = phrase(probe.subject);
  const after = Math.floor((probe.since - CLOCK_MARGIN_MS) / 1000);
  const to = probe.to.replace(/[\s"]/g, '');
  const q = [subject ? `subject:"${subject}"` : '', to ? `to:${to}` : '', `after:${after}`].filter(Boolean).join(' ');
  for (const candidate of await listDrafts(call, token, q, MAX_CANDIDATES)) {
    if (await carries(call, token, candidate.draftId, probe.marker)) return candidate;
  }
  return undefined;
}
