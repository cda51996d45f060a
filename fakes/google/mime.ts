/** Minimal RFC 2822 / MIME / RFC 2047 parsing, enough to read back the drafts the bot writes. */

export interface MimeHeader {
  name: string;
  value: string;
}

export interface ParsedMime {
  /** Header values with RFC 2047 encoded-words decoded. */
  headers: MimeHeader[];
  from: string | undefined;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** Top-level MIME type, lowercased (`text/plain` when absent). */
  mimeType: string;
  /** The decoded text/plain body (CRLF normalised to LF); '' when there is none. */
  body: string;
  html: string | undefined;
}

/** Decodes base64url or standard base64 (padding optional); undefined when it is not base64 at all. */
export function decodeBase64Any(s: string): Buffer | undefined {
  const compact = s.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return undefined;
  if (compact.replace(/=+$/, '').length % 4 === 1) return undefined;
  return Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

export const encodeBase64Url = (data: Buffer | string): string => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('base64url');

function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function decodeQ(text: string, underscoreIsSpace: boolean): Buffer {
  const src = underscoreIsSpace ? text.replace(/_/g, ' ') : text;
  const bytes: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? '';
    const hex = src.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'latin1'));
    }
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047: `=?UTF-8?B?...?=` / `=?UTF-8?Q?...?=`. Whitespace between adjacent encoded-words is dropped and
 * their bytes are joined before decoding, so a multi-byte character split across words survives.
 */
export function decodeEncodedWords(value: string): string {
  const word = '=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=';
  const run = new RegExp(`${word}(?:\\s*${word})*`, 'g');
  return value.replace(run, (whole: string) => {
    const pieces: { charset: string; bytes: Buffer }[] = [];
    for (const m of whole.matchAll(new RegExp(word, 'g'))) {
      const [, charset = 'utf-8', enc = 'B', text = ''] = m;
      const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQ(text, true);
      const cs = charset.split('*')[0] ?? charset;
      const last = pieces[pieces.length - 1];
      if (last !== undefined && last.charset.toLowerCase() === cs.toLowerCase()) last.bytes = Buffer.concat([last.bytes, bytes]);
      else pieces.push({ charset: cs, bytes });
    }
    return pieces.map((p) => decodeCharset(p.bytes, p.charset)).join('');
  });
}

/** Splits an address-list header into bare addresses (`"A, B" <a@x>, b@y` → [a@x, b@y]). */
export function parseAddresses(value: string | undefined): string[] {
  if (value === undefined) return [];
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if (ch === ',' && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => {
      const m = /<([^>]*)>/.exec(p);
      return (m?.[1] ?? p).trim();
    })
    .filter((a) => a !== '');
}

interface Entity {
  headers: MimeHeader[];
  body: Buffer;
}

function splitEntity(raw: Buffer, isPart = false): Entity | undefined {
  const text = raw.toString('latin1');
  if (isPart && /^\r?\n/.test(text)) return { headers: [], body: Buffer.from(text.replace(/^\r?\n/, ''), 'latin1') };
  const sep = /\r?\n\r?\n/.exec(text);
  const headText = sep === null ? text : text.slice(0, sep.index);
  const bodyText = sep === null ? '' : text.slice(sep.index + sep[0].length);
  const headers: MimeHeader[] = [];
  for (const line of headText.split(/\r?\n/)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last !== undefined) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const m = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (m === null) return undefined;
    headers.push({ name: m[1] ?? '', value: (m[2] ?? '').trim() });
  }
  if (headers.length === 0) return undefined;
  for (const h of headers) h.value = decodeEncodedWords(decodeCharset(Buffer.from(h.value, 'latin1'), 'utf-8'));
  return { headers, body: Buffer.from(bodyText, 'latin1') };
}

const header = (headers: MimeHeader[], name: string): string | undefined => headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

function contentType(headers: MimeHeader[]): { mimeType: string; params: Map<string, string> } {
  const [type = '', ...rest] = (header(headers, 'Content-Type') ?? 'text/plain').split(';');
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params.set(
        p.slice(0, eq).trim().toLowerCase(),
        p
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
  }
  return { mimeType: type.trim().toLowerCase() || 'text/plain', params };
}

function decodeBody(entity: Entity): string {
  const cte = (header(entity.headers, 'Content-Transfer-Encoding') ?? '7bit').trim().toLowerCase();
  const ascii = entity.body.toString('latin1');
  const bytes = cte === 'base64' ? Buffer.from(ascii.replace(/\s+/g, ''), 'base64') : cte === 'quoted-printable' ? decodeQ(ascii.replace(/=\r?\n/g, ''), false) : entity.body;
  return decodeCharset(bytes, contentType(entity.headers).params.get('charset')).replace(/\r\n/g, '\n');
}

function collectText(entity: Entity, out: { plain?: string; html?: string }): void {
  const { mimeType, params } = contentType(entity.headers);
  const boundary = params.get('boundary');
  if (mimeType.startsWith('multipart/') && boundary !== undefined) {
    const text = entity.body.toString('latin1');
    const chunks = text.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
    for (const chunk of chunks.slice(1)) {
      const part = splitEntity(Buffer.from(chunk, 'latin1'), true);
      if (part !== undefined) collectText(part, out);
    }
    return;
  }
  if (mimeType === 'text/plain' && out.plain === undefined) out.plain = decodeBody(entity);
  if (mimeType === 'text/html' && out.html === undefined) out.html = decodeBody(entity);
}

/** Parses an RFC 2822 message; undefined when it has no header section. */
export function parseRfc2822(raw: Buffer): ParsedMime | undefined {
  const entity = splitEntity(raw);
  if (entity === undefined) return undefined;
  const text: { plain?: string; html?: string } = {};
  collectText(entity, text);
  return {
    headers: entity.headers,
    from: header(entity.headers, 'From'),
    to: parseAddresses(header(entity.headers, 'To')),
    cc: parseAddresses(header(entity.headers, 'Cc')),
    bcc: parseAddresses(header(entity.headers, 'Bcc')),
    subject: header(entity.headers, 'Subject') ?? '',
    mimeType: contentType(entity.headers).mimeType,
    body: text.plain ?? '',
    html: text.html,
  };
}

/** `raw` with every `name` header (folded continuation lines included) replaced by one `name: value` at the top. */
export function replaceHeader(raw: Buffer, name: string, value: string): Buffer {
  const text = raw.toString('latin1');
  const sep = /\r?\n\r?\n/.exec(text);
  const head = sep === null ? text : text.slice(0, sep.index);
  const rest = sep === null ? '' : text.slice(sep.index);
  const kept: string[] = [];
  let dropping = false;
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && dropping) continue;
    dropping = line.toLowerCase().startsWith(`${name.toLowerCase()}:`);
    if (!dropping) kept.push(line);
  }
  return Buffer.from([`${name}: ${value}`, ...kept].join('\r\n') + rest, 'latin1');
}
