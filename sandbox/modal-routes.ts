import { z } from 'zod';
import type { Outcome, SlackActions } from './slack-actions.js';
import { TEAMMATES } from './team.js';

/** The page's modal requests: `/api/modal/submit` and `/api/modal/close`. */

const StateValues = z.record(z.string().max(255), z.record(z.string().max(255), z.record(z.string(), z.unknown())));
const SubmitBody = z.object({ user: z.string(), viewId: z.string(), values: StateValues });
const CloseBody = z.object({ user: z.string(), viewId: z.string() });

const bad = (error: string): Outcome => ({ ok: false, status: 400, error });
const person = (id: string) => TEAMMATES.find((p) => p.id === id);

/** Undefined when `path` is not a modal request. */
export async function modalRequest(actions: SlackActions, path: string, body: unknown): Promise<Outcome | undefined> {
  if (path === '/api/modal/submit') {
    const p = SubmitBody.safeParse(body);
    const me = p.success ? person(p.data.user) : undefined;
    if (!p.success || !me) return bad('expected { user, viewId, values }');
    return actions.submitModal(me, p.data.viewId, p.data.values);
  }
  if (path === '/api/modal/close') {
    const p = CloseBody.safeParse(body);
    const me = p.success ? person(p.data.user) : undefined;
    if (!p.success || !me) return bad('expected { user, viewId }');
    return actions.closeModal(me, p.data.viewId);
  }
  return undefined;
}
