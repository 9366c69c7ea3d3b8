// The live alerts panel. The stream (GET /api/v1/alerts/stream, Server-Sent Events) is read with fetch()
// and a streaming body reader rather than EventSource, which cannot send the Authorization header.
//
// No gaps, no duplicates, across reloads: the last event id the stream sent (opaque to the client) is kept
// in sessionStorage and sent back as Last-Event-ID, so the stream replays what this tab missed; the stored
// history (GET /api/v1/alerts) is read after the stream is open, so nothing raised in between falls
// through; and every alert is shown once, by alertId, whichever of the two delivered it first.
import {h, mount, instant, uid} from './dom.js';
import * as api from './api.js';
import * as auth from './auth.js';

const LAST_ID = 'parley.alerts.lastEventId';
const FILTER = 'parley.alerts.severity';
const SEVERITIES = ['info', 'notice', 'warning', 'critical'];
const KEEP = 100;

let panel, list, status, controller, retryMs = 3000, retryTimer;
const byId = new Map();

export function start(element) {
  panel = element;
  const filterId = uid('severity');
  const filter = h('select', {id: filterId, onchange: () => { localStorage.setItem(FILTER, filter.value); render(); }},
    SEVERITIES.map(s => h('option', {value: s, selected: s === minimum()}, s === 'info' ? 'all' : `${s} and above`)));
  status = h('p', {class: 'stream-status', role: 'status'});
  list = h('ol', {class: 'alert-list', 'aria-live': 'polite', 'aria-relevant': 'additions'});
  mount(panel, h('h2', {id: 'alerts-title'}, 'Live alerts'),
    h('div', {class: 'field inline'}, h('label', {for: filterId}, 'Severity'), filter), status, list);
  auth.onChange(connect);
  // Close the stream when the page goes away: a browser holds at most six HTTP/1.1 connections to one host,
  // and a page kept in the back-forward cache would otherwise keep its stream open. Reopen when it comes back.
  window.addEventListener('pagehide', () => { controller?.abort(); clearTimeout(retryTimer); });
  window.addEventListener('pageshow', event => { if (event.persisted) connect(); });
  connect();
}

const minimum = () => localStorage.getItem(FILTER) || 'info';
const rank = severity => SEVERITIES.indexOf(severity);

function connect() {
  controller?.abort();
  clearTimeout(retryTimer);
  if (!auth.signedIn()) {
    setStatus('Sign in to follow alerts.', 'off');
    return;
  }
  controller = new AbortController();
  stream(controller.signal);
  history().catch(e => setStatus(`History unavailable: ${api.explain(e)}`, 'off'));
}

async function history() {
  const page = await api.get('/api/v1/alerts', {size: 50, sort: '-raisedAt'});
  page.items.forEach(alert => add(alert, false));
  render();
}

async function stream(signal) {
  const last = sessionStorage.getItem(LAST_ID);
  let response;
  try {
    response = await fetch('/api/v1/alerts/stream', {signal,
      headers: api.headers({Accept: 'text/event-stream', ...(last ? {'Last-Event-ID': last} : {})})});
  } catch (e) {
    if (!signal.aborted) retry(signal);
    return;
  }
  if (response.status === 401 || response.status === 403) {
    setStatus(response.status === 401 ? 'Sign in to follow alerts.' : 'Your role may not follow alerts.', 'off');
    return;
  }
  if (response.status === 400 && last) {
    // An id this gateway cannot read (e.g. from before an upgrade): start afresh; the history covers the gap.
    sessionStorage.removeItem(LAST_ID);
    return retry(signal, 0);
  }
  if (!response.ok || !response.body) {
    setStatus(`Live stream unavailable (${response.status}); retrying.`, 'off');
    return retry(signal);
  }
  setStatus('Live', 'live');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = {data: []};
  try {
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          dispatch(event);
          event = {data: []};
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const name = colon < 0 ? line : line.slice(0, colon);
          const content = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (name === 'data') event.data.push(content);
          else if (name === 'event') event.type = content;
          else if (name === 'id') event.id = content;
          else if (name === 'retry' && /^\d+$/.test(content)) retryMs = Number(content);
        }
      }
    }
  } catch (e) {
    if (signal.aborted) return;
  }
  if (!signal.aborted) retry(signal);
}

function dispatch(event) {
  if ((event.type || 'message') === 'alert' && event.data.length) {
    try {
      add(JSON.parse(event.data.join('\n')), true);
      render();
    } catch (e) {
      // A malformed event is skipped; the stored history still has the alert.
    }
  }
  if (event.id !== undefined) sessionStorage.setItem(LAST_ID, event.id);
}

function retry(signal, delay = retryMs) {
  setStatus('Reconnecting…', 'off');
  retryTimer = setTimeout(() => { if (!signal.aborted) stream(signal); }, delay);
}

// Remembers which of the two delivered an alert (data-via on its item), so that one delivered both ways can be
// seen to be shown once.
function add(alert, live) {
  const id = alert.alertId || alert.id;
  if (!id) return;
  const via = live ? 'stream' : 'history';
  const known = byId.get(id);
  if (known) {
    known.via.add(via);
    return;
  }
  byId.set(id, {...alert, id, fresh: live, via: new Set([via])});
  if (byId.size > KEEP) {
    const oldest = [...byId.values()].sort(newestFirst).slice(KEEP);
    oldest.forEach(a => byId.delete(a.id));
  }
}

const newestFirst = (a, b) => (b.raisedAt || b.occurredAt || '').localeCompare(a.raisedAt || a.occurredAt || '');

function render() {
  const shown = [...byId.values()].filter(a => rank(a.severity) >= rank(minimum())).sort((a, b) =>
    (b.fresh - a.fresh) || newestFirst(a, b));
  mount(list, shown.length ? shown.map(a => h('li', {class: `alert${a.fresh ? ' fresh' : ''}`, 'data-alert-id': a.id, 'data-via': [...a.via].sort().join(' ')},
    h('span', {class: `sev sev-${a.severity}`}, a.severity),
    h('a', {href: a.negotiationId ? `#/negotiations/${a.negotiationId}` : '#/'}, a.summary),
    h('time', {datetime: a.occurredAt}, instant(a.occurredAt)))) : h('li', {class: 'muted'}, 'No alerts at this severity.'));
}

function setStatus(text, state) {
  status.textContent = text;
  status.dataset.state = state;
}
