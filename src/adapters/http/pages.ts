import type { ServerResponse } from 'node:http';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Every page and redirect of the bot's own: never cached, never framed, and no Referer to
 * whoever comes next (these URLs carry Connect tokens, codes and states).
 */
const HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** A small, self-contained page for the browser tab that comes back from Google's consent. */
export function page(title: string, lines: readonly string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1d1c1d}h1{font-size:1.4rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`;
}

export function sendPage(res: ServerResponse, status: number, html: string, cookies: readonly string[] = []): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...HEADERS, ...(cookies.length > 0 ? { 'set-cookie': [...cookies] } : {}) });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, cookies: readonly string[] = []): void {
  res.writeHead(302, { location, ...HEADERS, ...(cookies.length > 0 ? { 'set-cookie': [...cookies] } : {}) });
  res.end();
}

/** What a person sees who opened someone else's Connect link, or came back from Google on it. */
export const NOT_YOURS = page('This Connect link belongs to someone else', ['Use your own Connect button in Slack. Nothing was connected or changed.']);
