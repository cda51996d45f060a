import { describe, expect, it } from 'vitest';
import { decodeSnippet } from '../../../src/adapters/google/gmail-inbox.js';

describe('decodeSnippet', () => {
  it('turns Gmail’s HTML-escaped snippets back into text', () => {
    expect(decodeSnippet('It&#39;s &quot;done&quot; &amp; shipped &lt;3 &#x1F680;')).toBe('It\'s "done" & shipped <3 🚀');
  });

  it('leaves unknown or impossible entities as they are, and decodes only once', () => {
    expect(decodeSnippet('&bogus; &#0; &#99999999; &amp;lt;')).toBe('&bogus; &#0; &#99999999; &lt;');
  });
});
