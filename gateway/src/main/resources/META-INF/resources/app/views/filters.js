// The filter bar shared by the meetings and incidents lists: a date range, a party, and place fields.
import {h, field} from '../dom.js';
import {partyList} from '../names.js';

export async function filterBar(places, onchange) {
  const parties = await partyList();
  const from = h('input', {name: 'from', type: 'date'});
  const to = h('input', {name: 'to', type: 'date'});
  const party = h('select', {name: 'party'}, h('option', {value: ''}, 'any'), parties.map(p => h('option', {value: p.id}, p.name)));
  const placeInputs = places.map(([name, text]) => [name, h('input', {name, type: 'search'}), text]);
  const form = h('form', {class: 'filter-bar', onsubmit: e => { e.preventDefault(); onchange(); }},
    field('From', from), field('To', to), field('Party', party),
    placeInputs.map(([, input, text]) => field(text, input)),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Filter')));
  const values = () => ({from: from.value, to: to.value, party: party.value,
    ...Object.fromEntries(placeInputs.map(([name, input]) => [name, input.value.trim()]))});
  return {form, values};
}
