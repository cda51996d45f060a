import { describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/core/messages/actions.js';
import { PREFS_FORM } from '../../../src/core/prefs-form.js';
import type { SlackDeps } from '../../../src/adapters/slack/deps.js';
import { registerListeners, type Registrar } from '../../../src/adapters/slack/register.js';

function record() {
  const commands: string[] = [];
  const actions: unknown[] = [];
  const events: string[] = [];
  const views: string[] = [];
  const listeners: unknown[] = [];
  const recorder = {
    command(name: string, fn: unknown) {
      commands.push(name);
      listeners.push(fn);
    },
    action(id: unknown, fn: unknown) {
      actions.push(id);
      listeners.push(fn);
    },
    event(name: string, fn: unknown) {
      events.push(name);
      listeners.push(fn);
    },
    view(callbackId: string, fn: unknown) {
      views.push(callbackId);
      listeners.push(fn);
    },
  };
  registerListeners(recorder as unknown as Registrar, {} as unknown as SlackDeps);
  return { commands, actions, events, views, listeners };
}

describe('registerListeners', () => {
  it('registers exactly one listener for every action id the bot puts on a button', () => {
    const { actions } = record();
    for (const id of Object.values(ACTION))
      expect(
        actions.filter((a) => a === id),
        id,
      ).toHaveLength(1);
  });

  it('registers no action the bot never sends', () => {
    const { actions } = record();
    const known: unknown[] = Object.values(ACTION);
    expect(actions.filter((a) => !known.includes(a))).toEqual([]);
    expect(actions).toHaveLength(Object.values(ACTION).length);
  });

  it('registers the /schedule command once', () => {
    expect(record().commands).toEqual(['/schedule']);
  });

  it('listens to DMs and mentions once each (the inbox asks)', () => {
    const { events } = record();
    expect(events.filter((e) => e === 'message')).toHaveLength(1);
    expect(events.filter((e) => e === 'app_mention')).toHaveLength(1);
  });

  it('listens to the App Home tab and saves the preferences form', () => {
    const { events, views } = record();
    expect(events.filter((e) => e === 'app_home_opened')).toHaveLength(1);
    expect(views).toEqual([PREFS_FORM.callbackId]);
  });

  it('every listener is a function', () => {
    for (const fn of record().listeners) expect(typeof fn).toBe('function');
  });
});
