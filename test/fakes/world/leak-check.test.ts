import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../../fakes/world/leak-check.js';

describe('the leak check every test world ends with', () => {
  it('finds a secret anywhere in what was captured, and names only a prefix of it', () => {
    const token = 'ya29.fake-gmail-0123456789abcdef';
    const leaks = findLeaks([token, 'xoxb-never-seen-1'], ['{"msg":"ok"}', `{"error":"Bearer ${token}"}`]);
    expect(leaks).toEqual(['ya29.fake-gm…']);
    expect(findLeaks([token], ['nothing here'])).toEqual([]);
  });
});
