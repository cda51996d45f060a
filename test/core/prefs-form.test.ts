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

  it('reads the calendars chosen, none chosen as none, and a form without the field as no choice', () => {
    expect(parsePrefsSubmission(v({ [PREFS_FORM.calendars]: { value: { selected_options: [{ value: 'c1@group' }] } } }))).toMatchObject({ kind: 'ok', prefs: { calendars: ['c1@group'] } });
    expect(parsePrefsSubmission(v({ [PREFS_FORM.calendars]: { value: { selected_options: [] } } }))).toMatchObject({ kind: 'ok', prefs: { calendars: [] } });
    const without = parsePrefsSubmission(v());
    expect(without.kind === 'ok' && without.prefs.calendars).toBeUndefined();
  });

  it('offers the other calendars, Google’s selected ones chosen until the user chooses, and no field when there are none', () => {
    const cals = [
      { id: 'rota@group', summary: 'Team rota', selected: true },
      { id: 'hol@group', summary: 'Holidays', selected: false },
      { id: `${'x'.repeat(151)}@group`, summary: 'Too long an id', selected: true },
    ];
    const field = (prefs: Parameters<typeof buildPrefsModal>[0]) =>
      JSON.stringify(buildPrefsModal(prefs, 'UTC', cals).blocks.find((b) => 'block_id' in b && b.block_id === PREFS_FORM.calendars) ?? null);
    const before = field(undefined);
    expect(before).toContain('Holidays');
    expect(before).not.toContain('Too long');
    expect(before).toMatch(/"initial_options":\[\{[^\]]*"value":"rota@group"\}\]/);
    expect(field({ startMinute: 540, endMinute: 1020, days: [1], calendars: ['hol@group'] })).toMatch(/"initial_options":\[\{[^\]]*"value":"hol@group"\}\]/);
    expect(JSON.stringify(buildPrefsModal(undefined, 'UTC', []))).not.toContain(PREFS_FORM.calendars);
  });

  it('shows the Meet box ticked unless it was turned off', () => {
    const box = (prefs: Parameters<typeof buildPrefsModal>[0]) => JSON.stringify(buildPrefsModal(prefs, 'UTC').blocks.find((b) => 'block_id' in b && b.block_id === PREFS_FORM.meet));
    expect(box(undefined)).toContain('initial_options');
    expect(box({ startMinute: 540, endMinute: 1020, days: [1], meet: false })).not.toContain('initial_options');
  });
});
