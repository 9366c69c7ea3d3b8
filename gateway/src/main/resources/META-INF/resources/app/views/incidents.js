// Incidents on the ground: a list filtered by date range, party (attributed to) and place, and each
// incident with its casualties as reported ("not reported" is not zero), damage and sources.
import {h, mount, label, when, sourcesList} from '../dom.js';
import * as api from '../api.js';
import {partyNames} from '../names.js';
import {filterBar} from './filters.js';

const place = i => [i.place?.city, i.place?.region, i.place?.country, i.place?.asReported].filter(Boolean).join(', ');
const date = i => when(i.occurredOn, i.datePrecision, i.dateAsReported);

export async function incidentsView(main) {
  const rows = h('tbody');
  const {form, values} = await filterBar([['city', 'City'], ['region', 'Region']], load);
  mount(main, h('h1', {}, 'Incidents'), form,
    h('table', {class: 'list'}, h('thead', {}, h('tr', {}, ['Incident', 'When', 'Where', 'Casualties'].map(t => h('th', {scope: 'col'}, t)))), rows));

  async function load() {
    const f = values();
    const incidents = (await api.get('/api/v1/incidents', {...f, size: 200, sort: '-occurredOn'})).items;
    mount(rows, incidents.length ? incidents.map(i => h('tr', {},
      h('td', {}, h('a', {href: `#/incidents/${i.id}`}, i.description || label(i.kind))), h('td', {}, date(i)), h('td', {}, place(i)),
      h('td', {}, casualties(i.casualties)))) : h('tr', {}, h('td', {colspan: 4, class: 'muted'}, 'No incident matches.')));
  }
  await load();
}

export async function incidentView(main, id) {
  const [i, parties] = await Promise.all([api.get(`/api/v1/incidents/${id}`), partyNames()]);
  mount(main, h('p', {class: 'crumbs'}, h('a', {href: '#/incidents'}, 'Incidents')),
    h('h1', {}, i.description || label(i.kind)),
    h('dl', {class: 'facts'},
      h('dt', {}, 'When'), h('dd', {}, date(i)),
      h('dt', {}, 'Where'), h('dd', {}, place(i) || 'not reported'),
      h('dt', {}, 'Kind'), h('dd', {}, label(i.kind), i.weapons ? ` — ${i.weapons}` : ''),
      h('dt', {}, 'Attributed to'), h('dd', {}, parties.get(i.attributedToPartyId) || 'not attributed', i.attributedBy ? ` (by ${i.attributedBy})` : ''),
      h('dt', {}, 'Casualties'), h('dd', {}, casualties(i.casualties), ...(i.casualties?.notes || []).map(n => ` — ${n}`)),
      i.damage?.length ? [h('dt', {}, 'Damage'), h('dd', {}, i.damage.map(count).join('; '))] : null,
      i.weaponsLaunched?.length ? [h('dt', {}, 'Launched'), h('dd', {}, i.weaponsLaunched.map(w => count({...w, what: w.weapon})).join('; '))] : null,
      i.consequences?.length ? [h('dt', {}, 'Consequences'), h('dd', {}, i.consequences.join('; '))] : null),
    h('h2', {}, 'Sources'), sourcesList(i.sources));
}

function count(c) {
  return [c.qualifier && label(c.qualifier), c.count, c.what].filter(v => v !== undefined && v !== null && v !== '').join(' ');
}

function casualties(c) {
  if (!c) return 'not reported';
  const part = (n, what) => (n === null || n === undefined ? null : `${n} ${what}`);
  return [part(c.killed, 'killed'), part(c.injured, 'injured'), part(c.childrenKilled, 'children killed'),
    part(c.childrenInjured, 'children injured')].filter(Boolean).join(', ') || 'not reported';
}
