import { describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/core/messages/actions.js';
import type { ListenerDeps } from '../../../src/adapters/slack/listener-deps.js';
import { registerListeners, type Registrar } from '../../../src/adapters/slack/register.js';

function record() {
  const commands: string[] = [];
  const actions: unknown[] = [];
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
  };
  registerListeners(recorder as unknown as Registrar, {} as unknown as ListenerDeps);
  return { commands, actions, listeners };
}

describe('registerListeners', () => {
  it('registers exactly one listener for every action id the bot puts on a button', () => {
    const { actions } = record();
    for (const id of Object.values(ACTION)) expect(actions.filter((a) => a === id), id).toHaveLength(1);
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

  it('every listener is a function', () => {
    for (const fn of record().listeners) expect(typeof fn).toBe('function');
  });
});
