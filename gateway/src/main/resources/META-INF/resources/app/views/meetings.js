// Meetings: a list filtered by date range, party and place, and each meeting with its sources.
import {h, mount, label, when, sourcesList, nameMatches} from '../dom.js';
import * as api from '../api.js';
import {partyNames, envoyNames} from '../names.js';
import {filterBar} from './filters.js';

const place = m => [m.location?.venue, m.location?.city, m.location?.country].filter(Boolean).join(', ');
const start = m => when(m.startsAt, m.startPrecision, m.timingAsReported);

export async function meetingsView(main) {
  const rows = h('tbody');
  const {form, values} = await filterBar([['place', 'Place (venue, city or country)']], load);
  mount(main, h('h1', {}, 'Meetings'), form,
    h('table', {class: 'list'}, h('thead', {}, h('tr', {}, ['Meeting', 'When', 'Where', 'Status'].map(t => h('th', {scope: 'col'}, t)))), rows));

  async function load() {
    const f = values();
    // The API filters by date and party; the place is matched here, within the (bounded) page it returns.
    const meetings = (await api.get('/api/v1/meetings', {from: f.from, to: f.to, party: f.party, size: 200, sort: '-startsAt'})).items
      .filter(m => !f.place || nameMatches(place(m), f.place));
    mount(rows, meetings.length ? meetings.map(m => h('tr', {},
      h('td', {}, h('a', {href: `#/meetings/${m.id}`}, m.title)), h('td', {}, start(m)), h('td', {}, place(m)),
      h('td', {}, label(m.status)))) : h('tr', {}, h('td', {colspan: 4, class: 'muted'}, 'No meeting matches.')));
  }
  await load();
}

export async function meetingView(main, id) {
  const [m, parties, envoys] = await Promise.all([api.get(`/api/v1/meetings/${id}`), partyNames(), envoyNames()]);
  mount(main, h('p', {class: 'crumbs'}, h('a', {href: '#/meetings'}, 'Meetings'), ' › ', h('a', {href: `#/negotiations/${m.negotiationId}`}, 'Negotiation')),
    h('h1', {}, m.title),
    h('dl', {class: 'facts'},
      h('dt', {}, 'When'), h('dd', {}, start(m), m.duration ? ` · lasted ${duration(m.duration)}` : ''),
      h('dt', {}, 'Where'), h('dd', {}, place(m) || 'not reported', ` · ${label(m.format)}`),
      h('dt', {}, 'Status'), h('dd', {}, label(m.status), m.statusNote ? ` — ${m.statusNote}` : ''),
      h('dt', {}, 'Participants'), h('dd', {}, m.participantEnvoyIds.map(e => envoys.get(e) || 'unknown envoy').join(', ') || 'not reported'),
      h('dt', {}, 'Parties'), h('dd', {}, m.partyIds.map(p => parties.get(p) || 'unknown party').join(', ') || 'not reported'),
      m.outcomeSummary ? [h('dt', {}, 'Outcome'), h('dd', {}, m.outcomeSummary)] : null),
    h('h2', {}, 'Sources'), sourcesList(m.sources));
}

function duration(iso) {
  const [, d, hrs, min] = iso.match(/P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?/) || [];
  return [d && `${d} days`, hrs && `${hrs} hours`, min && `${min} minutes`].filter(Boolean).join(' ') || iso;
}
