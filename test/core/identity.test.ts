import { describe, expect, it } from 'vitest';
import { scalekitIdentifier } from '../../src/core/identity.js';

describe('scalekitIdentifier', () => {
  it('names the workspace and user', () => {
    expect(scalekitIdentifier({ teamId: 'T1', userId: 'U1' })).toBe('slack:T1:U1');
  });

  it('uses the enterprise for org-wide installs, so the same user matches in every workspace', () => {
    expect(scalekitIdentifier({ teamId: 'T1', userId: 'U1', enterpriseId: 'E9' })).toBe('slack:E9:U1');
    expect(scalekitIdentifier({ teamId: 'T2', userId: 'U1', enterpriseId: 'E9' })).toBe(scalekitIdentifier({ teamId: 'T1', userId: 'U1', enterpriseId: 'E9' }));
  });

  it('differs between users and between workspaces', () => {
    expect(scalekitIdentifier({ teamId: 'T1', userId: 'U1' })).not.toBe(scalekitIdentifier({ teamId: 'T1', userId: 'U2' }));
    expect(scalekitIdentifier({ teamId: 'T1', userId: 'U1' })).not.toBe(scalekitIdentifier({ teamId: 'T2', userId: 'U1' }));
  });
});
