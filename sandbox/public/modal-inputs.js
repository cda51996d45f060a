// Block Kit `input` blocks as form controls, each able to report its value the way Slack puts it in
// a view_submission's `view.state.values[block_id][action_id]`.
import { h } from './dom.js';
import { plain } from './mrkdwn.js';

const option = (o) => ({ text: o.text, value: o.value });
const sameValue = (a) => (b) => a?.value === b?.value;

/** { node, read() → state value, isEmpty() } for one element; the control's id is `id`. */
function control(el, id) {
  switch (el?.type) {
    case 'timepicker':
    case 'datepicker': {
      const time = el.type === 'timepicker';
      const input = h('input', { id, type: time ? 'time' : 'date', value: (time ? el.initial_time : el.initial_date) ?? '' });
      return { node: input, isEmpty: () => input.value === '', read: () => ({ type: el.type, [time ? 'selected_time' : 'selected_date']: input.value || null }) };
    }
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input': {
      const attrs = { id, value: el.initial_value ?? '', placeholder: el.placeholder ? plain(el.placeholder) : null };
      const input = el.multiline
        ? h('textarea', { ...attrs, rows: 4 }, el.initial_value ?? '')
        : h('input', { ...attrs, type: { number_input: 'number', email_text_input: 'email', url_text_input: 'url' }[el.type] ?? 'text' });
      return { node: input, isEmpty: () => input.value.trim() === '', read: () => ({ type: el.type, value: input.value === '' ? null : input.value }) };
    }
    case 'static_select':
    case 'multi_static_select': {
      const multi = el.type === 'multi_static_select';
      const initial = multi ? (el.initial_options ?? []) : [el.initial_option].filter(Boolean);
      const options = el.options ?? [];
      const select = h(
        'select',
        { id, multiple: multi },
        multi || initial.length > 0 ? null : h('option', { value: '' }, el.placeholder ? plain(el.placeholder) : 'Select an option'),
        options.map((o, i) => h('option', { value: String(i), selected: initial.some(sameValue(o)) }, plain(o.text))),
      );
      const chosen = () => [...select.selectedOptions].filter((o) => o.value !== '').map((o) => option(options[Number(o.value)]));
      return {
        node: select,
        isEmpty: () => chosen().length === 0,
        read: () => (multi ? { type: el.type, selected_options: chosen() } : { type: el.type, selected_option: chosen()[0] ?? null }),
      };
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const radio = el.type === 'radio_buttons';
      const initial = radio ? [el.initial_option].filter(Boolean) : (el.initial_options ?? []);
      const boxes = (el.options ?? []).map((o) => ({ o, input: h('input', { type: radio ? 'radio' : 'checkbox', name: id, checked: initial.some(sameValue(o)) }) }));
      const node = h(
        'div',
        { id, class: 'choices', role: radio ? 'radiogroup' : 'group' },
        boxes.map(({ o, input }) => h('label', { class: 'choice' }, input, ' ', plain(o.text))),
      );
      const chosen = () => boxes.filter((b) => b.input.checked).map((b) => option(b.o));
      return {
        node,
        isEmpty: () => chosen().length === 0,
        read: () => (radio ? { type: el.type, selected_option: chosen()[0] ?? null } : { type: el.type, selected_options: chosen() }),
      };
    }
    default:
      return { node: h('div', { id, class: 'block unsupported' }, `[${String(el?.type ?? 'element')}: not shown in the sandbox]`), isEmpty: () => false, read: () => null };
  }
}

/**
 * One input block: label (with "(optional)"), control, hint and a place for its error.
 * Returns { node, blockId, actionId, optional, read, isEmpty, showError(text | null) }.
 */
export function inputBlock(block, index) {
  const el = block.element ?? {};
  const id = `modal-input-${index}`;
  const c = control(el, id);
  const error = h('div', { class: 'field-error', role: 'alert', hidden: true });
  const label = h('label', { class: 'modal-label', for: id, id: `${id}-label` }, plain(block.label), block.optional ? h('span', { class: 'optional' }, ' (optional)') : null);
  if (c.node.getAttribute('role')) c.node.setAttribute('aria-labelledby', `${id}-label`);
  const node = h('div', { class: 'modal-input', dataset: { blockId: block.block_id ?? '' } }, label, c.node, block.hint ? h('div', { class: 'hint' }, plain(block.hint)) : null, error);
  return {
    node,
    blockId: block.block_id,
    actionId: el.action_id,
    optional: block.optional === true,
    read: c.read,
    isEmpty: c.isEmpty,
    showError(text) {
      error.textContent = text ?? '';
      error.hidden = !text;
      node.classList.toggle('has-error', Boolean(text));
    },
  };
}
