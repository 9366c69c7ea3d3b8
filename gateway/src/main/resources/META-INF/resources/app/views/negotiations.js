// The negotiations list, and a negotiation's page: its parties, its proposals (each opens its board), and
// the timeline of everything that happened, newest first, each entry's sources one click away.
import {h, mount, label, when, day, sourcesList} from '../dom.js';
import * as api from '../api.js';
import * as auth from '../auth.js';
import {partyNames} from '../names.js';
import {meetingForm, statementForm} from './forms.js';

export async function negotiationsView(main) {
  const [negotiations, names] = await Promise.all([api.all('/api/v1/negotiations'), partyNames()]);
  mount(main, h('h1', {}, 'Negotiations'),
    negotiations.length ? h('table', {class: 'list'},
      h('caption', {class: 'visually-hidden'}, 'Negotiations, with their status and parties'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Negotiation'), h('th', {scope: 'col'}, 'Status'), h('th', {scope: 'col'}, 'Parties'))),
      h('tbody', {}, negotiations.map(n => h('tr', {},
        h('td', {}, h('a', {href: `#/negotiations/${n.id}`}, n.title)),
        h('td', {}, h('span', {class: `status status-${n.status}`}, label(n.status))),
        h('td', {}, partiesLine(n.parties, names))))))
      : h('p', {}, 'No negotiation is recorded yet.'));
}

export async function negotiationView(main, id) {
  const [negotiation, proposals, names] = await Promise.all([
    api.get(`/api/v1/negotiations/${id}`),
    api.all('/api/v1/proposals', {negotiation: id, sort: 'createdAt'}),
    partyNames()]);
  const timeline = h('section', {'aria-labelledby': 'timeline-title'});
  const forms = h('div', {class: 'forms'});
  mount(main,
    h('p', {class: 'crumbs'}, h('a', {href: '#/'}, 'Negotiations')),
    h('h1', {}, negotiation.title),
    h('p', {}, h('span', {class: `status status-${negotiation.status}`}, label(negotiation.status)),
      negotiation.startedOn ? ` since ${day(negotiation.startedOn)}` : '',
      ' · ', partiesLine(negotiation.parties, names)),
    h('section', {'aria-labelledby': 'proposals-title'}, h('h2', {id: 'proposals-title'}, 'Proposals'),
      proposals.length ? h('ul', {class: 'plain'}, proposals.map(p => h('li', {},
        h('a', {href: `#/proposals/${p.id}`}, `${p.title} v${p.version}`), ` — ${label(p.status)}, tabled by ${names.get(p.sponsorPartyId) || 'unknown'}`)))
        : h('p', {class: 'muted'}, 'No proposal tabled.')),
    auth.can('analyst') ? h('section', {'aria-labelledby': 'record-title'}, h('h2', {id: 'record-title'}, 'Record'),
      h('div', {class: 'actions'},
        h('button', {type: 'button', onclick: () => mount(forms, meetingForm(negotiation, () => { mount(forms); loadTimeline(); }))}, 'Schedule a meeting'),
        h('button', {type: 'button', onclick: () => mount(forms, statementForm(negotiation, proposals, () => { mount(forms); loadTimeline(); }))}, 'Add a statement')),
      forms) : null,
    timeline);

  const kinds = [['', 'everything'], ['meeting', 'meetings'], ['proposal', 'proposals'], ['position_change', 'positions'],
    ['statement', 'statements'], ['incident', 'incidents']];
  const kind = h('select', {id: 'timeline-kind', onchange: () => loadTimeline()}, kinds.map(([v, t]) => h('option', {value: v}, t)));
  const entries = h('ol', {class: 'timeline'});
  mount(timeline, h('h2', {id: 'timeline-title'}, 'Timeline, newest first'),
    h('div', {class: 'field inline'}, h('label', {for: 'timeline-kind'}, 'Show'), kind), entries);

  async function loadTimeline() {
    const page = await api.get(`/api/v1/negotiations/${id}/timeline`, {order: 'desc', size: 200, kind: kind.value});
    // Entries reported only as a weekday or a phrase are shown in the words of the report, read from the entry itself.
    const reported = await Promise.all(page.items.map(e => ['weekday_as_reported', 'night', 'approximate', 'unknown'].includes(e.precision)
      ? api.get(e.link).catch(() => null) : null));
    mount(entries, page.items.map((entry, i) => timelineEntry(entry, reported[i])));
  }
  await loadTimeline();
}

const ROLES = ['principal', 'mediator', 'observer'];

// Principals first, then mediators and observers, each by name: the same order on every page.
function partiesLine(parties, names) {
  const name = p => names.get(p.partyId) || 'unknown party';
  return parties.slice().sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || name(a).localeCompare(name(b)))
    .map(p => `${name(p)} (${p.role})`).join(', ');
}

function asReported(resource) {
  return resource ? resource.dateAsReported || resource.saidOnAsReported || resource.timingAsReported : null;
}

function timelineEntry(entry, resource) {
  const detail = h('div', {class: 'detail', hidden: true});
  const toggle = h('button', {type: 'button', class: 'link', 'aria-expanded': 'false', onclick: async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    detail.hidden = !open;
    if (open && !detail.childElementCount) {
      try {
        let full = resource || await api.get(entry.link, entry.kind === 'position_change' ? {size: 200} : undefined);
        // A position change links to the position's history; its entry there is the one with this sequence number.
        if (full.items) full = full.items.find(change => String(change.sequence) === entry.id) || {};
        mount(detail, full.recordedBy ? h('p', {}, `Recorded by ${full.recordedBy}`, full.note ? ` — ${full.note}` : '') : null,
          sourcesList(full.sources), entryLink(entry));
      } catch (e) {
        mount(detail, h('p', {class: 'error'}, api.explain(e)));
      }
    }
  }}, 'Sources');
  return h('li', {class: `entry kind-${entry.kind}`, 'data-kind': entry.kind},
    // The resource's own precision says more than the timeline's (a weekday without a date is 'unknown' there).
    h('span', {class: 'when'}, when(entry.at, resource?.datePrecision || resource?.saidOnPrecision || entry.precision, asReported(resource))),
    h('span', {class: 'kind'}, label(entry.kind)),
    h('span', {class: 'summary'}, entry.summary), toggle, detail);
}

function entryLink(entry) {
  const [, kind, id] = entry.link.match(/\/api\/v1\/(\w+)\/([\w-]+)/) || [];
  const page = {meetings: 'meetings', incidents: 'incidents', proposals: 'proposals'}[kind];
  return page ? h('a', {href: `#/${page}/${id}`}, kind === 'proposals' ? 'Open the board' : 'Open') : null;
}
