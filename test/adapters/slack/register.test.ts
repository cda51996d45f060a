import { describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/core/messages/actions.js';
import { PREFS_FORM } from '../../../src/core/prefs-form.js';
import type { SlackDeps } from '../../../src/adapters/slack/deps.js';
import { type ActionArgs, routeActions } from '../../../src/adapters/slack/actions/route-actions.js';
import { actionRoutes, registerListeners, type Registrar } from '../../../src/adapters/slack/register.js';

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
  it('routes every action id the bot puts on a button, and no other', () => {
    expect(Object.keys(actionRoutes({} as unknown as SlackDeps)).sort()).toEqual(Object.values(ACTION).sort());
  });

  it('hears every click through one listener, so that a command passes no button’s chain', () => {
    expect(record().actions).toEqual([{ type: 'block_actions' }]);
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

describe('routeActions', () => {
  const click = (actionId: string) => {
    const seen = { acked: 0, warned: [] as string[] };
    const args = {
      payload: { action_id: actionId },
      ack: async () => {
        seen.acked++;
      },
      logger: { warn: (m: string) => seen.warned.push(m) },
    } as unknown as ActionArgs;
    return { args, seen };
  };

  it('hands a click to the listener of its action_id alone', async () => {
    const called: string[] = [];
    const route = routeActions({ a: async () => void called.push('a'), b: async () => void called.push('b') });
    await route(click('b').args);
    expect(called).toEqual(['b']);
  });

  it('acks a click on an unknown button (so Slack shows no error) and says so in the log', async () => {
    const route = routeActions({ a: async () => {} });
    const { args, seen } = click('gone.button');
    await route(args);
    expect(seen.acked).toBe(1);
    expect(seen.warned.join()).toContain('gone.button');
  });
});
