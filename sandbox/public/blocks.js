// Block Kit to DOM: section (text, fields, accessory), context, actions, divider, header, image,
// rich_text (roughly). Buttons are numbered in block order, the way the sandbox server finds them.
import { h, safeHref } from './dom.js';
import { plain, textObject } from './mrkdwn.js';

/**
 * ctx: { userName(id), onButton({ index, actionId, url, text }), confirm(confirmObject) → Promise<boolean> }.
 * Returns an element, or null when there are no blocks (the caller then shows the message text).
 */
export function renderBlocks(blocks, ctx) {
  if (!Array.isArray(blocks) || blocks.length === 0) return null;
  let index = 0;
  const nextIndex = (el) => (el?.type === 'button' && typeof el.action_id === 'string' ? index++ : undefined);
  const wrap = h('div', { class: 'blocks' });
  for (const block of blocks) wrap.append(renderBlock(block, ctx, nextIndex));
  return wrap;
}

function renderBlock(block, ctx, nextIndex) {
  switch (block?.type) {
    case 'section': {
      const body = h('div', { class: 'section-body' });
      if (block.text) body.append(h('div', { class: 'section-text' }, textObject(block.text, ctx)));
      if (Array.isArray(block.fields)) {
        body.append(
          h(
            'div',
            { class: 'fields' },
            block.fields.map((f) => h('div', { class: 'field' }, textObject(f, ctx))),
          ),
        );
      }
      const accessory = block.accessory ? element(block.accessory, ctx, nextIndex(block.accessory)) : null;
      return h('div', { class: 'block section' }, body, accessory && h('div', { class: 'accessory' }, accessory));
    }
    case 'context':
      return h(
        'div',
        { class: 'block context' },
        (block.elements ?? []).map((e) => (e?.type === 'image' ? imagePlaceholder(e.alt_text, 'tiny') : h('span', {}, textObject(e, ctx)))),
      );
    case 'actions':
      return h(
        'div',
        { class: 'block actions' },
        (block.elements ?? []).map((e) => element(e, ctx, nextIndex(e))),
      );
    case 'divider':
      return h('hr', { class: 'block divider' });
    case 'header':
      return h('div', { class: 'block header' }, plain(block.text));
    case 'image':
      return h('div', { class: 'block image' }, block.title ? h('div', { class: 'image-title' }, plain(block.title)) : null, imagePlaceholder(block.alt_text));
    case 'rich_text':
      return h('div', { class: 'block rich-text' }, richText(block.elements ?? [], ctx));
    default:
      return h('div', { class: 'block unsupported' }, `[${String(block?.type ?? 'unknown')} block: not shown in the sandbox]`);
  }
}

function element(el, ctx, index) {
  if (el?.type === 'button') return button(el, ctx, index);
  if (el?.type === 'image') return imagePlaceholder(el.alt_text, 'thumb');
  const label = el?.placeholder ? plain(el.placeholder) : String(el?.type ?? 'element');
  return h('button', { class: 'slack-btn', disabled: true, title: 'Not supported in the sandbox' }, `${label} ▾`);
}

function button(el, ctx, index) {
  const text = plain(el.text);
  const style = el.style === 'primary' || el.style === 'danger' ? el.style : '';
  return h(
    'button',
    {
      type: 'button',
      class: `slack-btn ${style}`.trim(),
      title: el.url ? `Opens ${el.url}` : null,
      // A button with a `confirm` object asks first, as Slack does; nothing is sent on "deny".
      onclick: async () => {
        if (el.confirm && !(await ctx.confirm(el.confirm))) return;
        ctx.onButton({ index, actionId: el.action_id, url: el.url, text });
      },
    },
    text,
    el.url ? h('span', { class: 'external', 'aria-hidden': 'true' }, ' ↗') : null,
  );
}

function imagePlaceholder(alt, size = 'large') {
  return h('span', { class: `image-placeholder ${size}`, title: String(alt ?? '') }, `🖼 ${String(alt ?? 'image')}`);
}

function richText(elements, ctx) {
  return elements.map((section) =>
    h(
      'div',
      {},
      (section?.elements ?? []).map((e) => {
        if (e?.type === 'text') return e.style?.bold ? h('strong', {}, e.text) : String(e.text ?? '');
        if (e?.type === 'link') {
          const href = safeHref(e.url);
          return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, e.text ?? e.url) : String(e.text ?? e.url ?? '');
        }
        if (e?.type === 'user') return h('span', { class: 'mention' }, `@${ctx.userName(e.user_id) ?? e.user_id}`);
        if (e?.type === 'emoji') return `:${e.name}:`;
        return '';
      }),
    ),
  );
}
