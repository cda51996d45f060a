import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, ENV_VARIABLES, loadConfig } from '../src/config.js';
import { MINIMAL_ENV } from './support/config-env.js';

const good = MINIMAL_ENV;

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
    expect(c.slack.url).toBe('https://slack.com');
    expect(c.slack.oauth).toBeUndefined();
    expect(c.requireMatchingGoogleEmail).toBe(true);
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(c.sessionSecret).not.toBe(c.authStateSecret);
  });

  it('needs the Slack app credentials for Sign in with Slack, naming each one', () => {
    const { SLACK_CLIENT_ID: _id, SLACK_CLIENT_SECRET: _secret, ...rest } = good;
    const found = problems(rest);
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET']);
    expect(found.join('\n')).toMatch(/SLACK_CLIENT_ID: required: .*client id/);
  });

  it('SLACK_STATE_SECRET decides between one bot token and installs in several workspaces', () => {
    const { SLACK_BOT_TOKEN: _t, ...noToken } = good;
    const several = loadConfig({ ...noToken, SLACK_STATE_SECRET: 'state-secret-long-enough' });
    expect(several.slack.oauth).toEqual({ clientId: '111.222', clientSecret: 'slack-client-secret-789', stateSecret: 'state-secret-long-enough' });
    expect(problems(noToken).join('\n')).toMatch(/SLACK_BOT_TOKEN: required/);
    expect(problems({ ...good, SLACK_STATE_SECRET: 'state-secret-long-enough' }).join('\n')).toMatch(/SLACK_BOT_TOKEN: set either/);
  });

  it('reads the Google email check as true or false only', () => {
    expect(loadConfig({ ...good, REQUIRE_MATCHING_GOOGLE_EMAIL: 'false' }).requireMatchingGoogleEmail).toBe(false);
    expect(problems({ ...good, REQUIRE_MATCHING_GOOGLE_EMAIL: 'no' }).join('\n')).toMatch(/REQUIRE_MATCHING_GOOGLE_EMAIL: expected true or false/);
    expect(problems({ ...good, SESSION_SECRET: 'short' }).join('\n')).toMatch(/SESSION_SECRET: expected at least 32/);
    expect(loadConfig({ ...good, SLACK_URL: 'http://127.0.0.1:9999/' }).slack.url).toBe('http://127.0.0.1:9999');
  });

  it('bounds the database pool: each setting named when it is out of range', () => {
    const found = problems({ ...good, DATABASE_POOL_MAX: '0', DATABASE_QUERY_TIMEOUT_MS: 'soon', DATABASE_CONNECT_TIMEOUT_MS: '5' }).join('\n');
    expect(found).toMatch(/DATABASE_POOL_MAX: expected at least 1/);
    expect(found).toMatch(/DATABASE_QUERY_TIMEOUT_MS: expected a number of milliseconds/);
    expect(found).toMatch(/DATABASE_CONNECT_TIMEOUT_MS: expected at least 100 ms/);
  });

  it('names every missing variable at once', () => {
    const names = problems({}).map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SCALEKIT_ENV_URL', 'SCALEKIT_CLIENT_ID', 'SCALEKIT_CLIENT_SECRET']),
    );
  });

  it('names malformed values with what is expected, never echoing a value', () => {
    const found = problems({
      ...good,
      PORT: 'eighty',
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      SCALEKIT_ENV_URL: 'ftp://x',
      DATABASE_URL: 'mysql://u:pw@h/db',
      SLACK_URL: 'javascript:alert(1)',
    });
    expect(found.join('\n')).toMatch(/PORT: expected a port number/);
    expect(found.join('\n')).toMatch(/SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
    expect(found.join('\n')).toMatch(/SCALEKIT_ENV_URL: expected/);
    expect(found.join('\n')).toMatch(/DATABASE_URL: expected a postgres/);
    expect(found.join('\n')).toMatch(/SLACK_URL: expected/);
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
