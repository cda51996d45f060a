// Block Kit `confirm` objects: a small modal with a title, text and confirm / deny buttons.
import { h } from './dom.js';
import { plain, textObject } from './mrkdwn.js';

/** Resolves true when the person confirms, false when they deny or press Escape. */
export function confirmDialog(confirm, ctx) {
  return new Promise((resolve) => {
    const danger = confirm.style === 'danger';
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const dialog = h(
      'dialog',
      { class: 'confirm' },
      h('h2', {}, plain(confirm.title ?? { text: 'Are you sure?' })),
      h('div', { class: 'confirm-text' }, textObject(confirm.text, ctx)),
      h(
        'div',
        { class: 'confirm-buttons' },
        h('button', { type: 'button', class: 'slack-btn', onclick: () => close(false) }, plain(confirm.deny ?? { text: 'Cancel' })),
        h('button', { type: 'button', class: `slack-btn ${danger ? 'danger-solid' : 'primary'}`, onclick: () => close(true) }, plain(confirm.confirm ?? { text: 'Yes' })),
      ),
    );
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
