// Slack's date formatting, `<!date^UNIX^{token_string}^optional_link|fallback>`, shown the way the
// reader's Slack shows it: in their own time zone, with their 12 or 24 hour clock. A token Slack
// does not define, or a bad timestamp, shows the fallback instead. Pure: no DOM, so it is unit-tested.
// Tokens as documented for Slack's date formatting (and the rich_text `date` element).

const parts = (date, zone, options) => {
  const out = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone: zone, ...options }).formatToParts(date)) out[p.type] = p.value;
  return out;
};

function ordinal(day) {
  const n = Number(day);
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th')}`;
}

/** Whole calendar days from `now` to `date` in `zone`: 0 today, -1 yesterday, 1 tomorrow. */
function dayOffset(date, now, zone) {
  const day = (d) => {
    const p = parts(d, zone, { year: 'numeric', month: 'numeric', day: 'numeric' });
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  };
  return Math.round((day(date) - day(now)) / 86_400_000);
}

function ago(date, now) {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const [n, unit] =
    abs < 60
      ? [abs, 'second']
      : abs < 3600
        ? [Math.floor(abs / 60), 'minute']
        : abs < 86_400
          ? [Math.floor(abs / 3600), 'hour']
          : abs < 30 * 86_400
            ? [Math.floor(abs / 86_400), 'day']
            : abs < 365 * 86_400
              ? [Math.floor(abs / (30 * 86_400)), 'month']
              : [Math.floor(abs / (365 * 86_400)), 'year'];
  if (unit === 'second' && n < 10) return 'just now';
  const period = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return seconds >= 0 ? `${period} ago` : `in ${period}`;
}

/** The text for each token, for one date as one reader sees it. */
function tokens(date, viewer, now) {
  const zone = viewer.tz;
  const p = parts(date, zone, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });
  const num = parts(date, zone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const short = parts(date, zone, { month: 'short' }).month;
  const clock = (withSeconds) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hour: 'numeric',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      ...(viewer.clock === '12h' ? { hour12: true } : { hourCycle: 'h23' }),
    }).format(date);
  const offset = dayOffset(date, now, zone);
  const relative = { '-1': 'yesterday', 0: 'today', 1: 'tomorrow' }[offset];
  const sameYear = parts(now, zone, { year: 'numeric' }).year === p.year;
  const t = {
    date_num: `${num.year}-${num.month}-${num.day}`,
    date_slash: `${num.day}/${num.month}/${num.year}`,
    date_long: `${p.weekday}, ${p.month} ${ordinal(p.day)}, ${p.year}`,
    date_long_full: `${p.month} ${p.day}, ${p.year}`,
    date: `${p.month} ${p.day}`,
    date_short: `${short} ${p.day}, ${p.year}`,
    time: clock(false),
    time_secs: clock(true),
    ago: ago(date, now),
  };
  t.date_pretty = relative ?? t.date;
  t.date_short_pretty = relative ?? t.date_short;
  t.date_long_pretty = relative ?? t.date_long;
  t.day_divider_pretty = relative ?? (sameYear ? `${p.weekday}, ${p.month} ${ordinal(p.day)}` : t.date_long);
  return t;
}

/**
 * `body` is what sits between `<` and `>` before the `|`: `!date^1392734382^{date} at {time}` with an
 * optional `^https://…` link. Returns `{ text, link }`, or undefined when the fallback should show.
 * viewer: { tz: IANA zone, clock: '12h' | '24h' }.
 */
export function formatSlackDate(body, viewer, now = new Date()) {
  const [bang, stamp, format, ...rest] = String(body).split('^');
  if (bang !== '!date' || !/^-?\d+$/.test(stamp ?? '') || format === undefined || format === '') return undefined;
  const date = new Date(Number(stamp) * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  let values;
  try {
    values = tokens(date, viewer, now);
  } catch {
    return undefined; // an unknown time zone
  }
  let unknown = false;
  const text = format.replace(/\{([a-z_]+)\}/g, (all, name) => {
    if (Object.hasOwn(values, name)) return values[name];
    unknown = true;
    return all;
  });
  if (unknown) return undefined;
  const link = rest.length > 0 ? rest.join('^') : undefined;
  return link === undefined ? { text } : { text, link };
}
