import { createHash } from 'node:crypto';

/**
 * Google Calendar event ids must be base32hex ([a-v0-9]), 5–1024 characters. Hex digits are a
 * subset of that alphabet, so a hash of the request makes a valid id that is the same for every
 * retry and double click of one pick, and new after a cancel (the generation moves on, because a
 * deleted event keeps its id for ever).
 */
export function eventIdFor(requestId: string, generation: number, slotStart: number): string {
  return createHash('sha256').update(`${requestId}/${generation}/${slotStart}`).digest('hex').slice(0, 40);
}
