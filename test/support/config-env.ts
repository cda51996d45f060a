/** The fewest variables a valid configuration needs (single workspace, HTTP mode), with made-up values. */
export const MINIMAL_ENV = {
  SLACK_SIGNING_SECRET: 'sign-secret-value-123',
  SLACK_BOT_TOKEN: 'xoxb-123-abc',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'slack-client-secret-789',
  SCALEKIT_ENV_URL: 'https://acme.scalekit.test',
  SCALEKIT_CLIENT_ID: 'skc_1',
  SCALEKIT_CLIENT_SECRET: 'client-secret-value-456',
} as const;
