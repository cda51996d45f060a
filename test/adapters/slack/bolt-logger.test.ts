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

  it('below its level formats nothing, follows setLevel, and always passes errors', () => {
    const lines: string[] = [];
    const logger = boltLogger(jsonLogger({ level: 'debug', write: (l) => lines.push(l) }), LogLevel.WARN);
    let formatted = 0;
    const payload = {
      toJSON() {
        formatted += 1;
        return { text: 'x' };
      },
    };
    logger.debug('ack() call begins', payload);
    logger.info('info line', payload);
    expect(formatted).toBe(0);
    expect(lines).toEqual([]);
    logger.warn('a warning');
    logger.setLevel(LogLevel.ERROR);
    logger.warn('a quieter warning');
    logger.error('an error');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['a warning', 'an error']);
    logger.setLevel(LogLevel.DEBUG);
    logger.info('now info', payload);
    expect(formatted).toBe(1);
  });
});
