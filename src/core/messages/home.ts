import type * as types from '@slack/types';
import type { Connector, GrantProblem } from '../outcomes.js';
import { DEFAULT_MINUTES, type Preferences } from '../preferences.js';
import { DEFAULT_HOURS } from '../working-hours.js';
import { ACTION } from './actions.js';
import { CONNECTOR_LABEL } from './connect.js';
import { hhmm } from './prefs-modal.js';
import { oneLine, shown } from './text.js';
import { button, confirmDialog, context, section, type Block } from './types.js';

export type ConnectionStatus = 'connected' | 'unavailable' | Extract<GrantProblem, 'not-connected' | 'expired' | 'revoked' | 'pending-verification'>;

export interface HomeConnection {
  connector: Connector;
  status: ConnectionStatus;
  /** The user's own authorization link, for every status but connected. */
  link?: string | undefined;
}

export interface HomeState {
  connections: HomeConnection[];
  prefs?: Preferences | undefined;
  slackZone: string;
}

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connected: ':large_green_circle: Connected',
  'not-connected': ':white_circle: Not connected',
  expired: ':red_circle: Expired: reconnect to keep using it',
  revoked: ':red_circle: Access was removed: reconnect to use it again',
  'pending-verification': ':large_yellow_circle: Waiting for you to finish connecting',
  unavailable: ':grey_question: Can’t check right now',
};

const LINK_TEXT: Partial<Record<ConnectionStatus, string>> = {
  'not-connected': 'Connect',
  expired: 'Reconnect',
  revoked: 'Reconnect',
  'pending-verification': 'Finish connecting',
};

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function connectionBlock(c: HomeConnection): Block {
  const block = section(`*${CONNECTOR_LABEL[c.connector]}*\n${STATUS_TEXT[c.status]}`);
  if (block.type !== 'section') return block;
  const linkText = LINK_TEXT[c.status];
  if (c.status === 'connected') {
    block.accessory = {
      ...button('Disconnect', ACTION.disconnect, { value: c.connector, style: 'danger' }),
      confirm: confirmDialog({ title: `Disconnect ${CONNECTOR_LABEL[c.connector]}?`, text: 'I will no longer be able to use it for you until you connect it again.', confirm: 'Disconnect' }),
    };
  } else if (linkText && c.link && c.link.length <= 3000) {
    block.accessory = button(`${linkText} ${CONNECTOR_LABEL[c.connector]}`, ACTION.openLink, { url: c.link, style: 'primary' });
  }
  return block;
}

/** The App Home tab: what is connected, and the preferences /schedule uses. */
export function buildHome(s: HomeState): types.HomeView {
  const p = s.prefs;
  const days = (p?.days ?? DEFAULT_HOURS.days).map((d) => DAY_SHORT[d - 1]).join(', ');
  const hours = `${hhmm(p?.startMinute ?? DEFAULT_HOURS.startMinute)}–${hhmm(p?.endMinute ?? DEFAULT_HOURS.endMinute)}`;
  const zone = p?.zone ? shown(oneLine(p.zone), 100) : `${shown(oneLine(s.slackZone), 100)} (from Slack)`;
  return {
    type: 'home',
    blocks: [
      section('Ask me about your mail in a DM (“any unread email from today?”), or:'),
      { type: 'actions', elements: [button('Summarize unread', ACTION.homeInbox, { style: 'primary' })] },
      { type: 'divider' },
      { type: 'header', text: { type: 'plain_text', text: 'Your Google connections' } },
      ...s.connections.slice(0, 10).map(connectionBlock),
      context('Each connection is your own Google grant, held by Scalekit; I fetch a token for you only when I act for you.'),
      { type: 'divider' },
      { type: 'header', text: { type: 'plain_text', text: 'Scheduling preferences' } },
      section(`*Working hours:* ${hours}, ${days}\n*Default length:* ${p?.defaultMinutes ?? DEFAULT_MINUTES} min\n*Time zone:* ${zone}`),
      { type: 'actions', elements: [button('Edit preferences', ACTION.editPrefs)] },
    ],
  };
}
