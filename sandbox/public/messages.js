// The message list, and the composer's text turned into what Slack would send.
import { renderBlocks } from './blocks.js';
import { formatTime, h, initials } from './dom.js';
import { mrkdwn } from './mrkdwn.js';

const COLORS = ['#4a154b', '#1264a3', '#2eb67d', '#e01e5a', '#ecb22e', '#8b572a'];
const colorOf = (id) => COLORS[[...String(id)].reduce((n, c) => n + c.charCodeAt(0), 0) % COLORS.length];

function author(data, id) {
  if (id === data.bot.id) return { name: data.bot.name, bot: true };
  if (id === 'USLACKBOT') return { name: 'Slackbot', bot: true };
  const u = data.users.find((x) => x.id === id);
  return { name: u?.realName ?? u?.name ?? id, bot: false };
}

/** ctx: { userName, onButton(message, button) } */
function message(data, m, ctx, showHeader) {
  const who = author(data, m.author);
  const me = data.users.find((u) => u.id === data.me);
  const blocks = m.command ? null : renderBlocks(m.blocks, { ...ctx, onButton: (b) => ctx.onButton(m, b) });
  const body = m.command ? h('div', { class: 'command-echo' }, mrkdwn(m.text, ctx)) : (blocks ?? h('div', { class: 'text' }, mrkdwn(m.text, ctx)));
  return h(
    'div',
    {
      class: `message${m.ephemeral ? ' ephemeral' : ''}${showHeader ? '' : ' continued'}`,
      dataset: { messageId: m.id, author: m.author },
    },
    h('div', { class: 'avatar', style: { background: who.bot ? '#611f69' : colorOf(m.author) } }, showHeader ? initials(who.name) : ''),
    h(
      'div',
      { class: 'message-main' },
      showHeader
        ? h(
            'div',
            { class: 'message-header' },
            h('span', { class: 'author' }, who.name),
            who.bot && m.author !== 'USLACKBOT' ? h('span', { class: 'app-badge' }, 'APP') : null,
            h('span', { class: 'time' }, formatTime(m.at, me?.tz ?? 'UTC', 'clock')),
          )
        : null,
      body,
      m.ephemeral ? h('div', { class: 'only-you' }, 'Only visible to you') : null,
    ),
  );
}

export function renderMessages(container, data, channelId, ctx) {
  const list = data.messages[channelId] ?? [];
  if (list.length === 0) {
    container.replaceChildren(
      h(
        'div',
        { class: 'empty-channel' },
        channelId === data.channels.dm.id
          ? 'This is your direct message with Scheduler. Ask it to “summarize my unread email”.'
          : 'This is the very beginning of #general. Type /schedule @alice 30m Sync to find a time with Alice.',
      ),
    );
    return;
  }
  let previous = null;
  container.replaceChildren(
    ...list.map((m) => {
      const showHeader = !previous || previous.author !== m.author || previous.ephemeral !== m.ephemeral || m.at - previous.at > 5 * 60_000;
      previous = m;
      return message(data, m, ctx, showHeader);
    }),
  );
}

/**
 * What Slack would send for typed text: &, <, > escaped; @name as a mention (`<@U…|name>` in a
 * slash command, which the manifest escapes; `<@U…>` in a message); #general as a channel link.
 */
export function slackText(raw, data) {
  const command = raw.trimStart().startsWith('/');
  const people = [...data.users, { id: data.bot.id, name: data.bot.handle }];
  const escaped = raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .replace(/(^|\s)@([\w.-]+)/g, (all, space, name) => {
      const u = people.find((p) => p.name.toLowerCase() === name.toLowerCase());
      if (!u) return all;
      return `${space}${command ? `<@${u.id}|${u.name}>` : `<@${u.id}>`}`;
    })
    .replace(/(^|\s)#general\b/g, (all, space) => `${space}<#${data.channels.general.id}|general>`);
}
