/**
 * Every test world ends with this check: no access or refresh token its fakes minted, and no
 * secret the bot was configured with, appears in anything the bot logged or sent to Slack.
 */
export function findLeaks(secrets: readonly string[], captured: readonly string[]): string[] {
  const text = captured.join('\n');
  return secrets.filter((s) => s.length >= 8 && text.includes(s)).map((s) => `${s.slice(0, 12)}…`);
}

export class LeakError extends Error {
  constructor(leaks: readonly string[]) {
    super(`secrets reached a log or a Slack message: ${leaks.join(', ')}`);
    this.name = 'LeakError';
  }
}
