import type { Connector, GrantProblem, MissingGrant } from '../outcomes.js';
import { ACTION, encodeRequest } from './actions.js';
import { shown } from './text.js';
import { button, context, section, type Block, type Reply } from './types.js';

export const CONNECTOR_LABEL: Record<Connector, string> = { calendar: 'Google Calendar', gmail: 'Gmail' };

const PURPOSE: Record<Connector, string> = {
  calendar: 'so I can see when you are free and add the event to your calendar',
  gmail: 'so I can draft the follow-up email (I never send anything)',
};

function explain(m: MissingGrant, purpose: Record<Connector, string>): string {
  const label = CONNECTOR_LABEL[m.connector];
  switch (m.problem) {
    case 'not-connected':
      return `*Connect ${label}* ${purpose[m.connector]}.`;
    case 'pending-verification':
      return `*${label}* is waiting for you to finish connecting. Open the link again and complete it.`;
    case 'expired':
      return `*Your ${label} access has expired* (this happens after a password change or a long time unused). Reconnect to continue.`;
    case 'revoked':
      return `*${label} access was removed* (disconnected or revoked in your Google account). Reconnect to continue.`;
    case 'unauthorized':
      return `*Google turned down your ${label} access*, even with a fresh token. Reconnect to continue.`;
    case 'insufficient-scope':
      return `*Your ${label} connection is missing a permission*${m.scope ? ` (\`${shown(m.scope.replace(/`/g, "'"), 300)}\`)` : ''}. Whoever runs this bot must add it to the Scalekit connection; then reconnect.`;
    case 'admin-blocked':
      return `*Your Google Workspace administrator’s policy blocks this app from ${label}.* Only your admin can change that.`;
  }
}

/** Most grant problems shown; Slack's button URLs end at 3000 characters. */
const MAX_GRANTS = 10;
const MAX_URL = 3000;

const verb = (p: GrantProblem) => (p === 'not-connected' || p === 'pending-verification' ? 'Connect' : 'Reconnect');

/** What differs between the requests that can wait for a connection; /schedule's by default. */
export interface ConnectPromptOptions {
  continueAction?: string;
  /** The Cancel button's action; null leaves it out (nothing to cancel). */
  cancelAction?: string | null;
  /** Why each connector is needed, for this request. */
  purpose?: Partial<Record<Connector, string>>;
}

/** Shown only to the user whose grants are missing; their own links, and a way to resume. */
export function buildConnectPrompt(requestId: string, missing: readonly MissingGrant[], opts: ConnectPromptOptions = {}): Reply {
  const purpose = { ...PURPOSE, ...opts.purpose };
  const cancelAction = opts.cancelAction === undefined ? ACTION.cancelProposal : opts.cancelAction;
  // One block per grant; there are two connectors, so more than a few means repeats.
  const blocks: Block[] = missing.slice(0, MAX_GRANTS).map((m) => {
    const block = section(explain(m, purpose));
    if (m.link !== undefined && m.link.length <= MAX_URL && block.type === 'section') {
      block.accessory = button(`${verb(m.problem)} ${CONNECTOR_LABEL[m.connector]}`, ACTION.openLink, { url: m.link, style: 'primary' });
    }
    return block;
  });
  if (missing.length > MAX_GRANTS) blocks.push(context(`+${missing.length - MAX_GRANTS} more`));
  blocks.push(context('Once you have connected, I continue on my own; or press Continue.'));
  blocks.push({
    type: 'actions',
    elements: [
      button('Continue', opts.continueAction ?? ACTION.continueRequest, { value: encodeRequest(requestId) }),
      ...(cancelAction === null ? [] : [button('Cancel', cancelAction, { value: encodeRequest(requestId) })]),
    ],
  });
  const names = [...new Set(missing.map((m) => CONNECTOR_LABEL[m.connector]))].join(' and ');
  return { text: `Google access needed: ${names}`, blocks };
}
