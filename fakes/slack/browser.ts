/**
 * A person's web browser for tests: one cookie jar, top-level navigations that follow redirects
 * across the fakes and the bot, and a record of every hop. Cookies belong to a host, not to a
 * port (as in real browsers, RFC 6265 §8.5): on 127.0.0.1 the bot and every fake share one jar,
 * and, every port being the same site, SameSite changes nothing. Secure cookies are sent to
 * https and to loopback hosts (which browsers treat as secure contexts). Path is honoured.
 */

export interface Hop {
  method: string;
  url: string;
  status: number;
  location?: string;
}

export interface Page {
  status: number;
  /** The url of the last response (after the redirects that were followed). */
  url: string;
  /** Location of the last response when it is a redirect that was not followed. */
  location?: string;
  body: string;
  headers: Headers;
  hops: Hop[];
}

export interface NavigateOptions {
  /** Redirects to follow at most (default 10). */
  maxRedirects?: number;
  /** Do not follow a redirect to a url for which this is true: the redirect is the last hop. */
  stopBefore?: (url: URL) => boolean;
}

interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  secure: boolean;
  expiresAt?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class TestBrowser {
  private readonly jar: StoredCookie[] = [];
  /** Every request this browser made, in order. */
  readonly history: Hop[] = [];

  constructor(readonly name = 'browser') {}

  /** Opens `url` as a top-level navigation (GET), following redirects. */
  open(url: string, opts: NavigateOptions = {}): Promise<Page> {
    return this.navigate('GET', url, undefined, opts);
  }

  /** Submits a form (POST, urlencoded) and follows redirects (303/302 become GET). */
  submit(url: string, form: Record<string, string>, opts: NavigateOptions = {}): Promise<Page> {
    return this.navigate('POST', url, new URLSearchParams(form).toString(), opts);
  }

  /** Stores a cookie as if `url` had set it, e.g. `browser.setCookie(slack.url, slack.signIn(userId))`. */
  setCookie(url: string, setCookie: string): void {
    this.store(new URL(url), setCookie);
  }

  /** The value of cookie `name` the browser would send to `url`, if any. */
  cookie(url: string, name: string): string | undefined {
    return this.cookiesFor(new URL(url)).find((c) => c.name === name)?.value;
  }

  /** The `Cookie` header this browser sends to `url` ('' when none). */
  cookieHeader(url: string): string {
    return this.cookiesFor(new URL(url))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /** Every cookie value in the jar, expired or not: what a leak check looks for in logs. */
  cookieValues(): string[] {
    return this.jar.map((c) => c.value);
  }

  clearCookies(): void {
    this.jar.length = 0;
  }

  private async navigate(method: string, start: string, body: string | undefined, opts: NavigateOptions): Promise<Page> {
    const hops: Hop[] = [];
    let url = new URL(start);
    let currentMethod = method;
    let currentBody = body;
    for (let redirects = 0; ; redirects += 1) {
      const headers: Record<string, string> = { 'User-Agent': `TestBrowser (${this.name})`, Accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };
      const cookie = this.cookieHeader(url.toString());
      if (cookie !== '') headers.Cookie = cookie;
      if (currentBody !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(url, { method: currentMethod, headers, body: currentBody, redirect: 'manual' });
      for (const sc of res.headers.getSetCookie()) this.store(url, sc);
      const location = res.headers.get('location') ?? undefined;
      const hop: Hop = { method: currentMethod, url: url.toString(), status: res.status, ...(location !== undefined ? { location: new URL(location, url).toString() } : {}) };
      hops.push(hop);
      this.history.push(hop);
      const isRedirect = [301, 302, 303, 307, 308].includes(res.status) && location !== undefined;
      if (!isRedirect || hop.location === undefined) {
        return { status: res.status, url: url.toString(), body: await res.text(), headers: res.headers, hops };
      }
      const next = new URL(hop.location);
      if (redirects >= (opts.maxRedirects ?? 10) || opts.stopBefore?.(next) === true) {
        return { status: res.status, url: url.toString(), location: next.toString(), body: await res.text(), headers: res.headers, hops };
      }
      await res.arrayBuffer();
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && currentMethod === 'POST')) {
        currentMethod = 'GET';
        currentBody = undefined;
      }
      url = next;
    }
  }

  private cookiesFor(url: URL): StoredCookie[] {
    const now = Date.now();
    const secureOk = url.protocol === 'https:' || LOOPBACK.has(url.hostname);
    return this.jar.filter(
      (c) =>
        c.host === url.hostname &&
        (c.expiresAt === undefined || c.expiresAt > now) &&
        (!c.secure || secureOk) &&
        (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
    );
  }

  private store(url: URL, header: string): void {
    const [pair = '', ...attrs] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const cookie: StoredCookie = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), host: url.hostname, path: '/', secure: false };
    const defaultPath = url.pathname.slice(0, url.pathname.lastIndexOf('/')) || '/';
    cookie.path = defaultPath;
    for (const attr of attrs) {
      const [k = '', v = ''] = attr.split('=').map((x) => x.trim());
      const key = k.toLowerCase();
      if (key === 'path' && v.startsWith('/')) cookie.path = v;
      else if (key === 'secure') cookie.secure = true;
      else if (key === 'max-age' && /^-?\d+$/.test(v)) cookie.expiresAt = Date.now() + Number(v) * 1000;
      else if (key === 'expires' && cookie.expiresAt === undefined) {
        const t = Date.parse(attr.slice(attr.indexOf('=') + 1).trim());
        if (!Number.isNaN(t)) cookie.expiresAt = t;
      }
    }
    const same = this.jar.findIndex((c) => c.name === cookie.name && c.host === cookie.host && c.path === cookie.path);
    if (same >= 0) this.jar.splice(same, 1);
    if (cookie.expiresAt === undefined || cookie.expiresAt > Date.now()) this.jar.push(cookie);
  }
}
