import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger, withoutPayload } from '../../../src/adapters/slack/bolt-logger.js';
import { jsonLogger } from '../../../src/log.js';

describe("Slack's and Bolt's debug lines", () => {
  it('keep the words and drop the payload', () => {
    expect(withoutPayload("apiCall('users.info') start")).toBe("apiCall('users.info') start");
    expect(withoutPayload('http request body: {"email":"a@x.test"}')).toBe('http request body [payload omitted]');
    expect(withoutPayload('http request result: {"ok":true}')).toBe('http request result [payload omitted]');
    expect(withoutPayload('ack() call begins (body: {"text":"Merger"})')).toBe('ack() call begins [payload omitted]');
    expect(withoutPayload('{"event":{"text":"secret"}}')).toBeUndefined();
  });

  it('only at debug: warnings and errors pass whole', () => {
    const lines: string[] = [];
    const logger = boltLogger(jsonLogger({ level: 'debug', write: (l) => lines.push(l) }), LogLevel.DEBUG);
    logger.debug('http request body: {"subject":"Merger terms"}');
    logger.warn('http request failed', 'connect ECONNREFUSED');
    expect(lines.join('\n')).not.toContain('Merger terms');
    expect(lines.join('\n')).toContain('http request failed connect ECONNREFUSED');
  });
});
