/**
 * Slack's Block Kit limits, checked over the whole JSON of a message, App Home or modal: a
 * payload that breaks one is rejected outright (`invalid_blocks`), so the reply never arrives.
 * Sources: the Block Kit reference for each block and element used, the text object and
 * confirmation dialog objects, and chat.postMessage (top-level `text` is cut at 40,000).
 */
export type Surface = 'message' | 'home' | 'modal';

const BLOCKS: Record<Surface, number> = { message: 50, home: 100, modal: 100 };

export const LIMITS = {
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  contextElements: 10,
  contextText: 3000,
  /** Slack allows 25; the bot keeps to 10. */
  actionsElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  optionText: 75,
  optionValue: 150,
  checkboxOptions: 10,
  selectOptions: 100,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  initialValue: 3000,
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
} as const;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const textOf = (x: unknown): string | undefined => (isObj(x) && typeof x.text === 'string' ? x.text : undefined);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** Every `<` in mrkdwn must open something the bot means: a date token or a link. */
const ALLOWED_ANGLE = /<(?:!date\^\d+\^[^|^<>]*(?:\^https?:\/\/[^|<>\s]+)?\|[^<>]*|https?:\/\/[^|<>\s]+\|[^<>]*)>/g;

export function slackLimitViolations(payload: unknown, surface: Surface = 'message'): string[] {
  const out: string[] = [];
  const fail = (path: string, what: string) => out.push(`${path}: ${what}`);
  const maxLen = (path: string, s: string | undefined, max: number, min = 0) => {
    if (s === undefined) return;
    if (s.length > max) fail(path, `${s.length} > ${max} characters`);
    if (s.length < min) fail(path, `shorter than ${min}`);
  };
  if (!isObj(payload)) return ['root: not an object'];
  const blocks = arr(payload.blocks);
  if (blocks.length === 0) fail('blocks', 'none');
  if (blocks.length > BLOCKS[surface]) fail('blocks', `${blocks.length} > ${BLOCKS[surface]} blocks`);
  if (surface === 'message') {
    if (typeof payload.text !== 'string' || payload.text.length === 0) fail('text', 'missing');
    maxLen('text', payload.text as string | undefined, LIMITS.messageText);
  }
  if (surface === 'modal') {
    maxLen('title', textOf(payload.title), LIMITS.modalTitle, 1);
    maxLen('submit', textOf(payload.submit), LIMITS.modalButton, 1);
    maxLen('close', textOf(payload.close), LIMITS.modalButton, 1);
    maxLen('callback_id', payload.callback_id as string | undefined, LIMITS.callbackId);
  }

  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, `${path}[${i}]`);
      return;
    }
    if (!isObj(node)) return;
    if (typeof node.block_id === 'string') maxLen(`${path}.block_id`, node.block_id, LIMITS.blockId);
    if (typeof node.action_id === 'string') maxLen(`${path}.action_id`, node.action_id, LIMITS.actionId, 1);
    switch (node.type) {
      case 'plain_text':
      case 'mrkdwn':
        if (typeof node.text !== 'string' || node.text.length === 0) fail(path, 'empty text object');
        if (node.type === 'mrkdwn' && typeof node.text === 'string') {
          const stray = node.text.replace(ALLOWED_ANGLE, '');
          if (/[<>]/.test(stray)) fail(path, `unescaped < or > in mrkdwn: ${stray.slice(0, 80)}`);
        }
        break;
      case 'section': {
        const text = textOf(node.text);
        const fields = arr(node.fields);
        if (text === undefined && fields.length === 0) fail(path, 'section without text or fields');
        maxLen(`${path}.text`, text, LIMITS.sectionText, 1);
        if (fields.length > LIMITS.sectionFields) fail(`${path}.fields`, `${fields.length} > ${LIMITS.sectionFields}`);
        for (const [i, f] of fields.entries()) maxLen(`${path}.fields[${i}]`, textOf(f), LIMITS.sectionField, 1);
        break;
      }
      case 'context': {
        const els = arr(node.elements);
        if (els.length === 0 || els.length > LIMITS.contextElements) fail(`${path}.elements`, `${els.length} elements`);
        for (const [i, e] of els.entries()) maxLen(`${path}.elements[${i}]`, textOf(e), LIMITS.contextText, 1);
        break;
      }
      case 'actions': {
        const els = arr(node.elements);
        if (els.length === 0 || els.length > LIMITS.actionsElements) fail(`${path}.elements`, `${els.length} elements`);
        const ids = els.map((e) => (isObj(e) ? e.action_id : undefined)).filter((x) => x !== undefined);
        if (new Set(ids).size !== ids.length) fail(path, 'repeated action_id in one block');
        break;
      }
      case 'header':
        maxLen(`${path}.text`, textOf(node.text), LIMITS.headerText, 1);
        break;
      case 'input':
        maxLen(`${path}.label`, textOf(node.label), LIMITS.inputLabel, 1);
        maxLen(`${path}.hint`, textOf(node.hint), LIMITS.inputHint, 1);
        break;
      case 'button': {
        maxLen(`${path}.text`, textOf(node.text), LIMITS.buttonText, 1);
        if (isObj(node.text) && node.text.type !== 'plain_text') fail(`${path}.text`, 'button text must be plain_text');
        maxLen(`${path}.value`, node.value as string | undefined, LIMITS.buttonValue);
        maxLen(`${path}.url`, node.url as string | undefined, LIMITS.buttonUrl);
        if (isObj(node.confirm)) {
          const c = node.confirm;
          maxLen(`${path}.confirm.title`, textOf(c.title), LIMITS.confirmTitle, 1);
          maxLen(`${path}.confirm.text`, textOf(c.text), LIMITS.confirmText, 1);
          maxLen(`${path}.confirm.confirm`, textOf(c.confirm), LIMITS.confirmButton, 1);
          maxLen(`${path}.confirm.deny`, textOf(c.deny), LIMITS.confirmButton, 1);
        }
        break;
      }
      case 'checkboxes':
      case 'static_select': {
        const options = arr(node.options);
        const max = node.type === 'checkboxes' ? LIMITS.checkboxOptions : LIMITS.selectOptions;
        if (options.length === 0 || options.length > max) fail(`${path}.options`, `${options.length} options`);
        for (const [i, o] of [...options, ...arr(node.initial_options), ...(isObj(node.initial_option) ? [node.initial_option] : [])].entries()) {
          if (!isObj(o)) continue;
          maxLen(`${path}.options[${i}].text`, textOf(o.text), LIMITS.optionText, 1);
          maxLen(`${path}.options[${i}].value`, o.value as string | undefined, LIMITS.optionValue, 1);
        }
        maxLen(`${path}.placeholder`, textOf(node.placeholder), LIMITS.placeholder, 1);
        break;
      }
      case 'plain_text_input':
        maxLen(`${path}.placeholder`, textOf(node.placeholder), LIMITS.placeholder, 1);
        maxLen(`${path}.initial_value`, node.initial_value as string | undefined, LIMITS.initialValue);
        break;
      case 'timepicker':
        if (node.initial_time !== undefined && !/^\d\d:\d\d$/.test(String(node.initial_time))) fail(path, 'initial_time is not HH:mm');
        break;
      default:
        break;
    }
    for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`);
  };
  walk(blocks, 'blocks');
  return out;
}
