// Slack's mrkdwn to DOM: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes, <url|text>
// links, <@U…> mentions, <#C…|name> channels, <!here>, <!date^…> dates, :emoji: and the &amp; &lt; &gt; entities.
import { h, safeHref } from './dom.js';
import { formatSlackDate } from './slack-date.js';

const EMOJI = {
  eyes: '👀',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  warning: '⚠️',
  x: '❌',
  calendar: '📆',
  date: '📅',
  spiral_calendar_pad: '🗓️',
  email: '📧',
  envelope: '✉️',
  incoming_envelope: '📨',
  inbox_tray: '📥',
  memo: '📝',
  link: '🔗',
  lock: '🔒',
  key: '🔑',
  wave: '👋',
  tada: '🎉',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  mag: '🔍',
  clock3: '🕒',
  sparkles: '✨',
  no_entry: '⛔',
  information_source: 'ℹ️',
  bulb: '💡',
  rotating_light: '🚨',
  thumbsup: '👍',
  wastebasket: '🗑️',
  pencil: '✏️',
  bell: '🔔',
  star: '⭐',
  fire: '🔥',
  point_right: '👉',
  envelope_with_arrow: '📩',
  e_mail: '📧',
  mailbox: '📫',
  mailbox_with_mail: '📬',
  outbox_tray: '📤',
  triangular_flag_on_post: '🚩',
  heavy_plus_sign: '➕',
  arrows_counterclockwise: '🔄',
  zzz: '💤',
  raised_hand: '✋',
  sunglasses: '😎',
  thinking_face: '🤔',
  no_bell: '🔕',
  white_circle: '⚪',
  large_green_circle: '🟢',
  red_circle: '🔴',
  large_yellow_circle: '🟡',
  large_blue_circle: '🔵',
  gear: '⚙️',
};

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// One alternation, tried left to right: inline code, <special>, *bold* / _italic_ / ~strike~, :emoji:.
const INLINE = /`([^`\n]+)`|<([^<>\n]+)>|(?<=^|[\s([{"'“‘>])([*_~])(?=\S)([^\n]*?\S|\S)\3(?=$|[\s.,!?;:)\]}"'”’<…-])|:([a-z0-9_+-]+):/g;
const TAGS = { '*': 'strong', _: 'em', '~': 'del' };

/** A date in the reader's zone and clock (`ctx.viewer`); the fallback text when Slack would show it. */
function slackDate(target, fallback, ctx) {
  const shown = ctx.viewer ? formatSlackDate(decode(target), ctx.viewer) : undefined;
  if (!shown) return h('span', { class: 'slack-date fallback' }, decode(fallback ?? ''));
  const href = shown.link === undefined ? null : safeHref(shown.link);
  const attrs = { class: 'slack-date', title: decode(fallback ?? '') || null };
  return href ? h('a', { ...attrs, href, target: '_blank', rel: 'noopener noreferrer' }, shown.text) : h('span', attrs, shown.text);
}

/** `ctx.userName(id)` names mentioned users; `ctx.viewer` ({ tz, clock }) is who reads dates. */
function special(body, ctx) {
  const [target, label] = splitOnce(body, '|');
  if (target.startsWith('!date^')) return slackDate(target, label, ctx);
  if (target.startsWith('@')) {
    const name = ctx.userName(target.slice(1)) ?? label ?? target.slice(1);
    return h('span', { class: 'mention' }, `@${name}`);
  }
  if (target.startsWith('#')) return h('span', { class: 'mention' }, `#${label ?? ctx.channelName?.(target.slice(1)) ?? target.slice(1)}`);
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0];
    if (['here', 'channel', 'everyone'].includes(word)) return h('span', { class: 'mention' }, `@${word}`);
    return decode(label ?? word);
  }
  const href = safeHref(decode(target));
  const text = decode(label ?? target);
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text) : text;
}

function splitOnce(s, sep) {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function inline(text, ctx) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(decode(text.slice(last, m.index)));
    if (m[1] !== undefined) out.push(h('code', {}, decode(m[1])));
    else if (m[2] !== undefined) out.push(special(m[2], ctx));
    else if (m[3] !== undefined) out.push(h(TAGS[m[3]], {}, inline(m[4], ctx)));
    else out.push(EMOJI[m[5]] ?? m[0]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(decode(text.slice(last)));
  return out;
}

function lines(text, ctx) {
  const out = [];
  let quote = null;
  text.split('\n').forEach((line, i, all) => {
    const q = /^&gt;\s?(.*)$/.exec(line);
    if (q) {
      if (!quote) out.push((quote = h('blockquote')));
      if (quote.childNodes.length > 0) quote.append(h('br'));
      quote.append(...inline(q[1], ctx).map(asNode));
      return;
    }
    quote = null;
    out.push(...inline(line, ctx));
    if (i < all.length - 1 && !/^&gt;/.test(all[i + 1] ?? '')) out.push(h('br'));
  });
  return out;
}

const asNode = (x) => (x instanceof Node ? x : document.createTextNode(String(x)));

/** A fragment for `text` in Slack mrkdwn. */
export function mrkdwn(text, ctx) {
  const frag = document.createDocumentFragment();
  String(text ?? '')
    .split(/```/)
    .forEach((part, i) => {
      if (i % 2 === 1) frag.append(h('pre', {}, decode(part.replace(/^\n/, ''))));
      else frag.append(...lines(part, ctx).map(asNode));
    });
  return frag;
}

/**
 * plain_text objects: no formatting, but the three entities Slack asks every text to escape are
 * decoded, and emoji codes become emoji unless `emoji` is false.
 */
export function plain(obj) {
  const text = decode(String(obj?.text ?? ''));
  return obj?.emoji === false ? text : text.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] ?? m);
}

/** A text object of either kind; plain_text keeps its line breaks. */
export function textObject(obj, ctx) {
  if (!obj || typeof obj !== 'object') return document.createTextNode('');
  return obj.type === 'mrkdwn' ? mrkdwn(obj.text, ctx) : h('span', { class: 'plain-text' }, plain(obj));
}
