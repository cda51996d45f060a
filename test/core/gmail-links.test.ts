import { describe, expect, it } from 'vitest';
import { draftsListOf, gmailDraftLink, gmailThreadLink, gmailUrl } from '../../src/core/gmail-links.js';

describe('Gmail links', () => {
  it('carry the account as authuser and never use /u/0/', () => {
    expect(gmailUrl('ann@x.com', 'inbox')).toBe('https://mail.google.com/mail/?authuser=ann%40x.com#inbox');
    expect(gmailUrl(undefined, 'inbox')).toBe('https://mail.google.com/mail/#inbox');
  });

  it('open a thread from the inbox by thread id, and mail under a label in All Mail by message id', () => {
    expect(gmailThreadLink({ id: 'm1', threadId: 't1' }, 'a@x.com', true)).toBe('https://mail.google.com/mail/?authuser=a%40x.com#inbox/t1');
    expect(gmailThreadLink({ id: 'm1', threadId: 't1' }, 'a@x.com', false)).toBe('https://mail.google.com/mail/?authuser=a%40x.com#all/m1');
  });

  it('find the drafts list of the same account from a draft link', () => {
    expect(draftsListOf(gmailDraftLink('m1', 'a@x.com'))).toBe('https://mail.google.com/mail/?authuser=a%40x.com#drafts');
    expect(draftsListOf('https://mail.google.com/mail/u/0/#drafts?compose=m1')).toBe('https://mail.google.com/mail/u/0/#drafts');
    expect(draftsListOf('https://example.com/#drafts')).toBeUndefined();
  });
});
