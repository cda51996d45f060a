import type { IncomingMessage } from 'node:http';

/** The request's cookies by name (the first of a name wins, as the most specific path comes first). */
export function readCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export interface CookieOptions {
  path: string;
  maxAgeSec: number;
  /** Sent over https only: set when PUBLIC_URL is https. */
  secure: boolean;
}

/**
 * HttpOnly (no script reads it) and SameSite=Lax: sent on the top-level navigations that come back
 * from Slack and Google, never on another site's subrequests or form posts.
 */
export function setCookie(name: string, value: string, o: CookieOptions): string {
  return `${name}=${value}; Path=${o.path}; Max-Age=${o.maxAgeSec}; HttpOnly; SameSite=Lax${o.secure ? '; Secure' : ''}`;
}

export function clearCookie(name: string, o: Omit<CookieOptions, 'maxAgeSec'>): string {
  return setCookie(name, '', { ...o, maxAgeSec: 0 });
}
