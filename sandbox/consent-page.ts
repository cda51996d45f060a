import type { FakeScalekit } from '../fakes/scalekit/server.js';
import { TEAMMATES } from './team.js';

/**
 * A Google-looking consent screen in front of the Scalekit fake's authorization link: "Allow"
 * follows the real link, which is what activates the grant (and, with a user-verify URL, returns
 * through the bot's /auth/verify).
 */

const WHAT: Record<string, { label: string; can: string[] }> = {
  googlecalendar: { label: 'Google Calendar', can: ['See, edit, create and delete events in all your calendars'] },
  gmail: { label: 'Gmail', can: ['Manage drafts (Scheduler never sends mail)', 'Read your email messages and settings'] },
};

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page for `link`, or undefined when `link` is not an authorization link of this Scalekit fake. */
export function consentPage(scalekit: FakeScalekit, link: string, identifierOf: (userId: string) => string): string | undefined {
  if (!link.startsWith(`${scalekit.url}/magic/`)) return undefined;
  const known = scalekit.magicLinks().find((l) => l.url === link);
  const what = WHAT[known?.connector ?? ''] ?? { label: known?.connector ?? 'your Google Account', can: ['Use your Google Account'] };
  const person = TEAMMATES.find((p) => known !== undefined && identifierOf(p.id) === known.identifier);
  const items = what.can.map((c) => `<li>${escapeHtml(c)}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sign in – Google Accounts (sandbox)</title>
  <link rel="stylesheet" href="/consent.css">
</head>
<body>
  <main class="card">
    <div class="google"><span class="g1">G</span><span class="g2">o</span><span class="g3">o</span><span class="g1">g</span><span class="g4">l</span><span class="g2">e</span></div>
    <h1>Scheduler wants to access your ${escapeHtml(what.label)}</h1>
    <p class="account">${escapeHtml(person?.email ?? 'your Google Account')}</p>
    <p>This will allow Scheduler to:</p>
    <ul>${items}</ul>
    <p class="fine">Sandbox: no real Google account is involved. Allow follows the Scalekit fake's authorization link.</p>
    <div class="buttons">
      <button type="button" id="cancel" class="secondary">Cancel</button>
      <a id="allow" class="primary" href="${escapeHtml(link)}">Allow</a>
    </div>
  </main>
  <script src="/consent.js"></script>
</body>
</html>`;
}
