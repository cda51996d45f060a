// A modal the bot opened with views.open, shown as Slack shows it: title, blocks, Cancel and the
// submit button. Submitting sends what the inputs hold (view.state.values); errors the bot answers
// with (`response_action: "errors"`) appear under their fields, and the modal stays open.
import { renderBlocks } from './blocks.js';
import { h } from './dom.js';
import { inputBlock } from './modal-inputs.js';
import { plain } from './mrkdwn.js';

/** Slack checks required inputs itself before anything is sent. */
const REQUIRED = 'Please complete this required field.';

let shown = null; // { key, dialog, inputs, busy }

function close() {
  if (!shown) return;
  const { dialog } = shown;
  shown = null;
  if (dialog.open) dialog.close();
  dialog.remove();
}

function values(inputs) {
  const out = {};
  for (const i of inputs) {
    const v = i.read();
    if (v === null || !i.blockId || !i.actionId) continue;
    out[i.blockId] = { ...(out[i.blockId] ?? {}), [i.actionId]: v };
  }
  return out;
}

/** Shows `errors` ({ block_id: text }) under their inputs; clears the others. */
function showErrors(inputs, errors) {
  for (const i of inputs) i.showError(errors[i.blockId] ?? null);
}

function build(modal, ctx, actions) {
  const view = modal.view;
  const inputs = [];
  const body = h(
    'div',
    { class: 'modal-body' },
    (view.blocks ?? []).map((block, n) => {
      if (block?.type !== 'input') return renderBlocks([block], { ...ctx, onButton: () => ctx.toast('Buttons inside modals are not modelled in the sandbox.') });
      const input = inputBlock(block, n);
      inputs.push(input);
      return input.node;
    }),
  );
  const submit = h('button', { type: 'submit', class: 'slack-btn primary' }, plain(view.submit ?? { text: 'Submit' }));
  const form = h(
    'form',
    { class: 'modal-form', method: 'dialog' },
    h(
      'header',
      { class: 'modal-header' },
      h('h2', {}, plain(view.title ?? { text: '' })),
      h('button', { type: 'button', class: 'modal-x', 'aria-label': 'Close', onclick: () => actions.close(modal.id) }, '×'),
    ),
    body,
    h(
      'footer',
      { class: 'modal-footer' },
      h('button', { type: 'button', class: 'slack-btn', onclick: () => actions.close(modal.id) }, plain(view.close ?? { text: 'Cancel' })),
      view.submit || inputs.length > 0 ? submit : null,
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (shown?.busy) return;
    const missing = Object.fromEntries(inputs.filter((i) => !i.optional && i.isEmpty()).map((i) => [i.blockId, REQUIRED]));
    showErrors(inputs, missing);
    if (Object.keys(missing).length > 0) return;
    shown.busy = true;
    submit.disabled = true;
    try {
      const answer = await actions.submit(modal.id, values(inputs));
      if (answer?.errors) showErrors(inputs, answer.errors);
    } finally {
      if (shown) shown.busy = false;
      submit.disabled = false;
    }
  });
  const dialog = h('dialog', { class: 'modal', 'aria-label': plain(view.title ?? { text: 'Modal' }) }, form);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    actions.close(modal.id);
  });
  return { dialog, inputs };
}

/**
 * Shows `modal` ({ id, view, errors } or null) for the person you are. The same view (id and hash)
 * is left alone, so what was typed survives the page's redraws; a new one replaces it.
 * actions: { submit(viewId, values) → Promise<{ errors? }>, close(viewId) }; ctx as for blocks, plus toast.
 */
export function syncModal(modal, ctx, actions) {
  const key = modal ? `${ctx.me}/${modal.id}/${modal.view.hash ?? ''}` : null;
  if (shown?.key === key) return;
  close();
  if (!modal) return;
  const { dialog, inputs } = build(modal, ctx, actions);
  shown = { key, dialog, inputs, busy: false };
  document.body.append(dialog);
  dialog.showModal();
  showErrors(inputs, modal.errors ?? {});
}
