// Parties and envoys. Envoys are searched by the API's name search (q: every word starts a word of the full
// name or an alias, accents and case ignored); parties, a short list, with the same rule in the page.
import {h, mount, label, day, nameMatches, uid} from '../dom.js';
import * as api from '../api.js';
import {partyList, partyNames} from '../names.js';

export async function directoryView(main) {
  const [parties, names] = await Promise.all([partyList(), partyNames()]);
  const searchId = uid('q');
  const q = h('input', {id: searchId, type: 'search', placeholder: 'e.g. Witkoff', autocomplete: 'off'});
  const partyRows = h('tbody');
  const envoyRows = h('tbody');
  let timer;
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 250); });
  mount(main, h('h1', {}, 'Directory'),
    h('form', {role: 'search', onsubmit: e => { e.preventDefault(); load(); }},
      h('div', {class: 'field inline'}, h('label', {for: searchId}, 'Name'), q, h('button', {type: 'submit'}, 'Search'))),
    h('h2', {}, 'Parties'),
    h('table', {class: 'list'}, h('thead', {}, h('tr', {}, ['Party', 'Kind', 'Role in the conflict', 'Code'].map(t => h('th', {scope: 'col'}, t)))), partyRows),
    h('h2', {}, 'Envoys'),
    h('table', {class: 'list'}, h('thead', {}, h('tr', {}, ['Envoy', 'Party', 'Role', 'Title', 'Mandate'].map(t => h('th', {scope: 'col'}, t)))), envoyRows));

  async function load() {
    const query = q.value.trim();
    mount(partyRows, parties.filter(p => !query || nameMatches(`${p.name} ${p.slug}`, query)).map(p => h('tr', {},
      h('td', {}, p.name), h('td', {}, label(p.kind)), h('td', {}, label(p.conflictRole)), h('td', {}, p.isoCode || ''))));
    try {
      const envoys = (await api.get('/api/v1/envoys', {q: query, size: 200, sort: 'fullName'})).items;
      mount(envoyRows, envoys.length ? envoys.map(e => h('tr', {},
        h('td', {}, e.fullName, e.aliases?.length ? h('small', {}, ` (${e.aliases.join(', ')})`) : null),
        h('td', {}, names.get(e.partyId) || ''), h('td', {}, label(e.role)), h('td', {}, e.title || ''),
        h('td', {}, [e.mandateFrom ? `from ${day(e.mandateFrom)}` : '', e.mandateTo ? ` to ${day(e.mandateTo)}` : ''].join(''))))
        : h('tr', {}, h('td', {colspan: 5, class: 'muted'}, 'No envoy by that name.')));
    } catch (e) {
      mount(envoyRows, h('tr', {}, h('td', {colspan: 5, class: 'error'}, api.explain(e))));
    }
  }
  await load();
}
