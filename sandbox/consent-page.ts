import { TEAMMATES } from './team.js';

/**
 * A Google-looking consent screen, which the Scalekit fake shows when an authorization link is
 * opened (in real life Scalekit sends the browser to Google's). "Allow" goes on to the fake's
 * `allowUrl`, which activates the grant and returns through the bot's /auth/verify. The page is
 * served from the Scalekit fake's origin: its stylesheet and script come from the sandbox's.
 */

const WHAT: Record<string, { label: string; can: string[] }> = {
  googlecalendar: { label: 'Google Calendar', can: ['See, edit, create and delete events in all your calendars'] },
  gmail: { label: 'Gmail', can: ['Manage drafts (Scheduler never sends mail)', 'Read your email messages and settings'] },
};

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function consentPage(link: { connector: string; identifier: string; allowUrl: string }, opts: { identifierOf: (userId: string) => string; assetsBase: string }): string {
  const what = WHAT[link.connector] ?? { label: link.connector, can: ['Use your Google Account'] };
  const person = TEAMMATES.find((p) => opts.identifierOf(p.id) === link.identifier);
  const items = what.can.map((c) => `<li>${escapeHtml(c)}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sign in – Google Accounts (sandbox)</title>
  <link rel="stylesheet" href="${escapeHtml(`${opts.assetsBase}/consent.css`)}">
</head>
<body>
  <main class="card">
    <div class="google"><span class="g1">G</span><span class="g2">o</span><span class="g3">o</span><span class="g1">g</span><span class="g4">l</span><span class="g2">e</span></div>
    <h1>Scheduler wants to access your ${escapeHtml(what.label)}</h1>
    <p class="account">${escapeHtml(person?.email ?? 'your Google Account')}</p>
    <p>This will allow Scheduler to:</p>
    <ul>${items}</ul>
    <p class="fine">Sandbox: no real Google account is involved. You signed in with the pretend Slack as ${escapeHtml(person?.realName ?? 'yourself')}; Allow goes on through the Scalekit fake and back to the bot.</p>
    <div class="buttons">
      <button type="button" id="cancel" class="secondary">Cancel</button>
      <a id="allow" class="primary" href="${escapeHtml(link.allowUrl)}">Allow</a>
    </div>
  </main>
  <script src="${escapeHtml(`${opts.assetsBase}/consent.js`)}"></script>
</body>
</html>`;
}
