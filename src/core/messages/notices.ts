import type { ServiceFailure } from '../outcomes.js';
import { CONNECTOR_LABEL } from './connect.js';
import { oneLine, shown } from './text.js';
import { minutesToWait, notice, type Reply } from './types.js';

export const buildNotYours = (): Reply => notice('That button belongs to someone else’s request, so I did nothing. Run `/schedule` to make your own.');

export const buildGone = (): Reply => notice('This request has expired or was already closed. Run `/schedule` again to start over.');

export const buildProposalCancelled = (): Reply => notice('Cancelled. Nothing was booked.');

export const buildInternalError = (reference: string): Reply =>
  notice(
    `:x: Something went wrong on my side and nothing was booked. Please try again; if it keeps happening, tell whoever runs this bot (reference \`${shown(oneLine(reference).replace(/`/g, "'"), 100)}\`).`,
  );

export function buildServiceFailure(f: ServiceFailure): Reply {
  switch (f.kind) {
    case 'rate-limited': {
      return notice(
        `:hourglass: Google is limiting how fast I can use your ${CONNECTOR_LABEL[f.connector]} right now. Please try again in ${minutesToWait(f.retryAfterSeconds)}; nothing was booked.`,
      );
    }
    case 'unavailable':
      return notice(`:cloud: ${CONNECTOR_LABEL[f.connector]} isn’t answering right now, even after several tries. Please try again in a few minutes; nothing was booked.`);
    case 'auth-service-unavailable':
      return notice(':cloud: I can’t reach the service that holds your Google connections right now. Please try again in a few minutes; nothing was booked.');
  }
}
