import type { SimResponse } from './signing.js';
import { isRecord } from './types.js';

/**
 * The modals Slack shows: views.open puts a view in front of the user whose trigger_id it
 * exchanged; a view_submission's ack decides what happens next (docs.slack.dev/surfaces/modals,
 * "Handling submissions"): an empty 200 closes the modal, `response_action: "errors"` keeps it open
 * with a message under each named input block, `"update"` replaces it, `"clear"` closes the whole
 * stack. Anything else (not 200, or a body Slack cannot read) keeps it open, and Slack tells the user
 * it had trouble connecting.
 */

export interface OpenModal {
  /** The view as views.open answered it (id, hash, team_id, …). */
  view: Record<string, unknown>;
  /** Who sees it: the user the trigger_id was handed to (undefined for a trigger made without one). */
  userId: string | undefined;
  /** The errors of the last submission, by block_id; empty after a clean one. */
  errors: Record<string, string>;
}

export type SubmissionOutcome =
  | { kind: 'closed' }
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'updated'; view: Record<string, unknown> }
  | { kind: 'failed'; reason: string };

export class Modals {
  /** By view id, oldest first (the last one per user is on top). */
  private readonly open = new Map<string, OpenModal>();

  opened(userId: string | undefined, view: Record<string, unknown>): void {
    this.open.set(String(view.id), { view, userId, errors: {} });
  }

  get(viewId: string): OpenModal | undefined {
    return this.open.get(viewId);
  }

  /** The modal on top for `userId`, if one is open. */
  of(userId: string): OpenModal | undefined {
    return [...this.open.values()].filter((m) => m.userId === userId).at(-1);
  }

  /** The user pressed its close button (Slack sends view_closed only with notify_on_close). */
  close(viewId: string): boolean {
    return this.open.delete(viewId);
  }

  /** Applies the app's answer to a view_submission of `viewId`, as Slack does. */
  applyAck(viewId: string, res: SimResponse, newHash: () => string): SubmissionOutcome {
    const modal = this.open.get(viewId);
    if (modal === undefined) return { kind: 'failed', reason: 'the modal is no longer open' };
    if (res.status !== 200) return { kind: 'failed', reason: `HTTP ${res.status}` };
    if (res.body.trim() === '') return this.closed(viewId);
    const ack = isRecord(res.json) ? res.json : undefined;
    if (ack === undefined) return { kind: 'failed', reason: 'the answer was not JSON' };
    switch (ack.response_action) {
      case undefined:
        return this.closed(viewId);
      case 'errors': {
        const errors = isRecord(ack.errors) ? Object.fromEntries(Object.entries(ack.errors).map(([k, v]) => [k, String(v)])) : {};
        modal.errors = errors;
        return { kind: 'errors', errors };
      }
      case 'update': {
        if (!isRecord(ack.view)) return { kind: 'failed', reason: 'response_action update without a view' };
        const view = { ...modal.view, ...ack.view, id: viewId, hash: newHash() };
        modal.view = view;
        modal.errors = {};
        return { kind: 'updated', view };
      }
      case 'clear':
        for (const [id, m] of this.open) if (m.userId === modal.userId) this.open.delete(id);
        return { kind: 'closed' };
      default:
        return { kind: 'failed', reason: `unknown response_action ${String(ack.response_action)}` };
    }
  }

  private closed(viewId: string): SubmissionOutcome {
    this.open.delete(viewId);
    return { kind: 'closed' };
  }
}
