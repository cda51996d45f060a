import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, ENV_VARIABLES, loadConfig } from '../src/config.js';

const good = {
  SLACK_SIGNING_SECRET: 'sign-secret-value-123',
  SLACK_BOT_TOKEN: 'xoxb-123-abc',
  SCALEKIT_ENV_URL: 'https://acme.scalekit.test',
  SCALEKIT_CLIENT_ID: 'skc_1',
  SCALEKIT_CLIENT_SECRET: 'client-secret-value-456',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(good);
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.slack.apiUrl).toBe('https://slack.com/api/');
    expect(c.connections).toEqual({ calendar: 'googlecalendar', gmail: 'gmail' });
    expect(c.google).toEqual({ calendarApiUrl: 'https://www.googleapis.com/calendar/v3', gmailApiUrl: 'https://gmail.googleapis.com/gmail/v1' });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.databasePool).toEqual({ max: 10, connectTimeoutMs: 5_000, queryTimeoutMs: 10_000, idleTimeoutMs: 10_000, idleInTransactionTimeoutMs: 30_000 });
  });

  it('bounds the database pool: each setting named when it is out of range', () => {
    const found = problems({ ...good, DATABASE_POOL_MAX: '0', DATABASE_QUERY_TIMEOUT_MS: 'soon', DATABASE_CONNECT_TIMEOUT_MS: '5' }).join('\n');
    expect(found).toMatch(/DATABASE_POOL_MAX: expected at least 1/);
    expect(found).toMatch(/DATABASE_QUERY_TIMEOUT_MS: expected a number of milliseconds/);
    expect(found).toMatch(/DATABASE_CONNECT_TIMEOUT_MS: expected at least 100 ms/);
  });

  it('names every missing variable at once', () => {
    const names = problems({}).map((p) => p.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SCALEKIT_ENV_URL', 'SCALEKIT_CLIENT_ID', 'SCALEKIT_CLIENT_SECRET']));
  });

  it('names malformed values with what is expected, never echoing a value', () => {
    const found = problems({ ...good, PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SCALEKIT_ENV_URL: 'ftp://x', DATABASE_URL: 'mysql://u:pw@h/db' });
    expect(found.join('\n')).toMatch(/PORT: expected a port number/);
    expect(found.join('\n')).toMatch(/SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
    expect(found.join('\n')).toMatch(/SCALEKIT_ENV_URL: expected/);
    expect(found.join('\n')).toMatch(/DATABASE_URL: expected a postgres/);
    expect(found.join('\n')).not.toContain('xoxp-user-token-secret');
    expect(found.join('\n')).not.toContain('pw@h');
  });

  it('does not need a signing secret in Socket Mode', () => {
    const { SLACK_SIGNING_SECRET: _, ...rest } = good;
    const c = loadConfig({ ...rest, SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(c.slack.appToken).toBe('xapp-1-abc');
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    const c = loadConfig({ ...good, PUBLIC_URL: '', SLACK_APP_TOKEN: '', PORT: '8080' });
    expect(c.publicUrl).toBe('http://localhost:8080');
    expect(c.slack.appToken).toBeUndefined();
  });
});

describe('.env.example', () => {
  it('lists every variable the bot reads, and no other', () => {
    const listed = readFileSync('.env.example', 'utf8')
      .split('\n')
      .flatMap((line) => /^([A-Z_]+)=/.exec(line)?.[1] ?? []);
    expect([...listed].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});
