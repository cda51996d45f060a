import { describe, expect, it } from 'vitest';
import { buildPrefsModal } from '../../src/core/messages/prefs-modal.js';
import { PREFS_FORM, parsePrefsSubmission } from '../../src/core/prefs-form.js';

const v = (over: Record<string, unknown> = {}) => ({
  [PREFS_FORM.start]: { value: { selected_time: '09:00' } },
  [PREFS_FORM.end]: { value: { selected_time: '17:00' } },
  [PREFS_FORM.days]: { value: { selected_options: [{ value: '1' }, { value: '2' }] } },
  [PREFS_FORM.duration]: { value: { selected_option: { value: '30' } } },
  [PREFS_FORM.zone]: { value: { value: '' } },
  ...over,
});

describe('the preferences form', () => {
  it('reads the Meet box: ticked is a link, unticked is none, a form without the box keeps the default', () => {
    expect(parsePrefsSubmission(v({ [PREFS_FORM.meet]: { value: { selected_options: [{ value: 'meet' }] } } }))).toMatchObject({ kind: 'ok', prefs: { meet: true } });
    expect(parsePrefsSubmission(v({ [PREFS_FORM.meet]: { value: { selected_options: [] } } }))).toMatchObject({ kind: 'ok', prefs: { meet: false } });
    const without = parsePrefsSubmission(v());
    expect(without.kind === 'ok' && without.prefs.meet).toBeUndefined();
  });

  it('shows the Meet box ticked unless it was turned off', () => {
    const box = (prefs: Parameters<typeof buildPrefsModal>[0]) => JSON.stringify(buildPrefsModal(prefs, 'UTC').blocks.find((b) => 'block_id' in b && b.block_id === PREFS_FORM.meet));
    expect(box(undefined)).toContain('initial_options');
    expect(box({ startMinute: 540, endMinute: 1020, days: [1], meet: false })).not.toContain('initial_options');
  });
});
