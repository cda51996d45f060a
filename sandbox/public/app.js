// The sandbox page: who you are, where you are, what you type and click. Everything it shows
// comes from /api/state; /api/events says when to fetch it again.
import { renderBlocks } from './blocks.js';
import { confirmDialog } from './confirm.js';
import { h } from './dom.js';
import { renderMessages, slackText } from './messages.js';
import { syncModal } from './modal.js';
import { renderCalendar, renderDrafts } from './panels.js';

const $ = (id) => document.getElementById(id);
const ui = { me: localStorage.getItem('sandbox.me') ?? '', view: 'general', shownView: null, data: null, sent: false };

const SUGGESTIONS = {
  general: ['/schedule @alice 30m Sync', '/schedule @alice @lena 1h Planning tomorrow', '/schedule help', '@scheduler summarize my unread email'],
  dm: ['summarize my unread email', '/schedule @diego 45m Review next week'],
  home: [],
};

async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  const json = await res.json().catch(() => ({}));
  if (!res.ok || json.ok === false) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

function toast(text) {
  const el = $('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => {
    el.hidden = true;
  }, 5000);
}

let loading = null;
let again = false;
function load() {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      ui.data = await api(`/api/state?user=${encodeURIComponent(ui.me)}`);
      ui.me = ui.data.me;
      render();
    } while (again);
  })()
    .catch((e) => toast(`Could not reach the sandbox: ${e.message}`))
    .finally(() => {
      loading = null;
    });
  return loading;
}

const channelId = () => (ui.view === 'dm' ? ui.data.channels.dm.id : ui.data.channels.general.id);
const userName = (id) => (id === ui.data.bot.id ? ui.data.bot.handle : ui.data.users.find((u) => u.id === id)?.name);

function onButton(messageId, b) {
  if (b.url) {
    // A Connect button: the pretend Slack signs this browser in as "You are" first, then the bot's link runs as usual.
    const target = b.url.startsWith(ui.data.connectLinkPrefix) ? `/connect?user=${encodeURIComponent(ui.me)}&url=${encodeURIComponent(b.url)}` : b.url;
    window.open(target, '_blank', 'popup,width=520,height=680');
  }
  // Slack sends an action for link buttons too; a button without an action_id has nothing to send.
  if (b.index === undefined) return;
  api('/api/click', { user: ui.me, messageId, index: b.index, actionId: b.actionId }).then(load, (e) => toast(e.message));
}

function renderSidebar(data, me) {
  const picker = $('who');
  if (picker.options.length !== data.users.length) {
    picker.replaceChildren(...data.users.map((u) => h('option', { value: u.id }, `${u.realName} (${u.tz.split('/').pop().replace(/_/g, ' ')})`)));
  }
  picker.value = me.id;
  const badge = (label, on) => h('span', { class: `conn ${on ? 'on' : 'off'}`, title: on ? 'connected' : 'not connected' }, `${on ? '●' : '○'} ${label}`);
  $('connections').replaceChildren(badge('Calendar', me.connected.calendar), badge('Gmail', me.connected.gmail));
  for (const el of document.querySelectorAll('[data-view]')) el.classList.toggle('active', el.dataset.view === ui.view);
}

/** What rendering text and blocks needs to know about the reader. */
function blockContext(data) {
  const me = data.users.find((u) => u.id === data.me);
  // Dates (`<!date^…>`) read in the zone and clock of the person you are, as their Slack shows them.
  const viewer = me ? { tz: me.tz, clock: me.clock } : undefined;
  const ctx = { me: data.me, userName, viewer, toast, channelName: (id) => (id === data.channels.general.id ? 'general' : undefined) };
  ctx.confirm = (c) => confirmDialog(c, ctx);
  return ctx;
}

const modalActions = {
  submit: (viewId, values) =>
    api('/api/modal/submit', { user: ui.me, viewId, values }).then(
      (answer) => {
        load();
        return answer;
      },
      (e) => {
        toast(e.message);
        return undefined;
      },
    ),
  close: (viewId) => api('/api/modal/close', { user: ui.me, viewId }).then(load, (e) => toast(e.message)),
};

function renderChannel(data) {
  const titles = { general: '# general', dm: data.channels.dm.name, home: `${data.bot.name} · Home` };
  $('channel-title').textContent = titles[ui.view];
  $('composer').hidden = ui.view === 'home';
  $('input').placeholder = ui.view === 'dm' ? `Message ${data.channels.dm.name}` : 'Message #general';
  $('suggestions').replaceChildren(
    ...SUGGESTIONS[ui.view].map((s) =>
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          onclick: () => {
            $('input').value = s;
            $('input').focus();
          },
        },
        s,
      ),
    ),
  );

  const list = $('messages');
  const switched = ui.shownView !== `${ui.me}/${ui.view}`;
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
  const lastBefore = list.lastElementChild?.dataset.messageId;
  const ctx = blockContext(data);
  if (ui.view === 'home') {
    const blocks = data.home ? renderBlocks(data.home, { ...ctx, onButton: (b) => onButton('home', b) }) : null;
    list.replaceChildren(blocks ? h('div', { class: 'home' }, blocks) : h('div', { class: 'empty-channel' }, 'Scheduler has not published a Home tab for you.'));
  } else {
    renderMessages(list, data, channelId(), { ...ctx, onButton: (m, b) => onButton(m.id, b) });
  }
  // Like Slack: what you send always brings you to the bottom (a mistyped command too, whose only
  // trace is Slackbot's note); others' messages do when you are there.
  const last = list.lastElementChild?.dataset;
  const sentByMe = ui.sent || (last?.messageId !== undefined && last.messageId !== lastBefore && last.author === ui.me);
  if (ui.view === 'home') {
    if (switched) list.scrollTop = 0;
  } else if (switched || nearBottom || sentByMe) {
    list.scrollTop = list.scrollHeight;
  }
  ui.shownView = `${ui.me}/${ui.view}`;
}

function render() {
  const data = ui.data;
  const me = data.users.find((u) => u.id === data.me);
  renderSidebar(data, me);
  renderChannel(data);
  renderCalendar($('calendar-panel'), me, data.calendar);
  renderDrafts($('drafts-panel'), me, data.drafts);
  syncModal(data.modal, blockContext(data), modalActions);
}

function send(event) {
  event.preventDefault();
  const input = $('input');
  const text = input.value.trim();
  if (!text || !ui.data) return;
  input.value = '';
  // Until the send's own render, every render (the change feed's too) keeps you at the bottom.
  ui.sent = true;
  api('/api/send', { user: ui.me, channel: channelId(), text: slackText(text, ui.data) })
    .then(load, (e) => toast(e.message))
    .finally(() => {
      ui.sent = false;
    });
}

$('composer').addEventListener('submit', send);
$('input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) send(e);
});
$('who').addEventListener('change', (e) => {
  ui.me = e.target.value;
  localStorage.setItem('sandbox.me', ui.me);
  load();
});
for (const el of document.querySelectorAll('[data-view]')) {
  el.addEventListener('click', () => {
    ui.view = el.dataset.view;
    if (ui.view === 'home') api('/api/home', { user: ui.me }).catch((e) => toast(e.message));
    load();
  });
}

new EventSource('/api/events').onmessage = (e) => {
  if (!ui.data || Number(e.data) !== ui.data.version) load();
};
load();
