import type { InboxCursor } from '../../core/inbox/cursor.js';

/** Seals a Show more position into a button value and opens it again on the click. */
export interface CursorSeal {
  /** The button value, or undefined when it would not fit in one. */
  seal(c: InboxCursor): string | undefined;
  /** The cursor, if this bot made the value and it has not expired. */
  open(value: string, now: number): InboxCursor | undefined;
}
