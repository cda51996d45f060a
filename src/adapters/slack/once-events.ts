import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../flows/ports/index.js';
import type { OnceStore } from '../../flows/ports/index.js';

const EVENT_MEMORY_MS = 24 * 60 * 60_000;

/**
 * Slack delivers an event again when the first ack was late (X-Slack-Retry-Num); the event_id
 * stays the same, and the store (shared by every instance) remembers which ones were handled.
 */
export function onceEvents(store: OnceStore, now: () => number, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await store.firstTime(`slack-event:${eventId}`, now() + EVENT_MEMORY_MS))) {
      log.info('skipped an event delivered again', { eventId });
      return;
    }
    await next();
  };
}
