import { describe, expect, it } from 'vitest';
import { deliveryFor } from '../../../src/adapters/slack/deliver.js';

describe('deliveryFor', () => {
  it('answers in the DM where the ask came from a DM or App Home, and ephemeral to the owner anywhere else', () => {
    expect(deliveryFor('D0OLIVIA')).toEqual({ kind: 'dm', channelId: 'D0OLIVIA' });
    expect(deliveryFor('U0OLIVIA')).toEqual({ kind: 'dm', channelId: 'U0OLIVIA' });
    expect(deliveryFor('W0OLIVIA')).toEqual({ kind: 'dm', channelId: 'W0OLIVIA' });
    expect(deliveryFor('C0GENERAL')).toEqual({ kind: 'ephemeral', channelId: 'C0GENERAL' });
    expect(deliveryFor('G0PRIVATE')).toEqual({ kind: 'ephemeral', channelId: 'G0PRIVATE' });
  });
});
