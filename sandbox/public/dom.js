// Builds DOM nodes. Text always goes in as text nodes, never as HTML, so nothing a user or the
// bot wrote can turn into markup.

/**
 * h('div', { class: 'x', onclick: fn }, 'text', child, [more, children])
 * Attributes starting with "on" become event listeners; null/undefined/false attributes are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    // Through CSSOM: the page's content security policy refuses inline style attributes.
    else if (key === 'style') Object.assign(el.style, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Only web and mail links become clickable; anything else (javascript:, data:) stays text. */
export function safeHref(url) {
  return /^(https?:|mailto:)/i.test(String(url).trim()) ? String(url).trim() : null;
}

const timeFormats = new Map();

/** Formats an instant in an IANA zone, e.g. "Mon 23 Nov, 10:00". */
export function formatTime(when, zone, style = 'long') {
  const key = `${zone}|${style}`;
  if (!timeFormats.has(key)) {
    const opts =
      style === 'clock'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    timeFormats.set(key, new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: zone }));
  }
  const date = new Date(when);
  return Number.isNaN(date.getTime()) ? String(when) : timeFormats.get(key).format(date);
}

export function initials(name) {
  return String(name)
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}
