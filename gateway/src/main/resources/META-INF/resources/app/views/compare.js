// Two versions of a proposal side by side, through clause lineage: a clause of the newer version derived
// (directly or through versions in between) from one of the older is kept or changed; an older clause with
// no descendant in the newer version was dropped; a newer clause with no ancestor there was added.
import {h, mount, label} from '../dom.js';
import * as api from '../api.js';

export async function compareView(main, olderId, newerId) {
  if (!newerId) return mount(main, h('p', {}, 'Choose a version to compare from the board.'));
  const [older, newer] = await Promise.all([api.get(`/api/v1/proposals/${olderId}`), api.get(`/api/v1/proposals/${newerId}`)]);
  const [from, to] = older.version <= newer.version ? [older, newer] : [newer, older];
  const [fromClauses, toClauses] = await Promise.all([from, to].map(p => api.all(`/api/v1/proposals/${p.id}/clauses`, {sort: 'position'})));
  const byId = new Map(fromClauses.map(c => [c.id, c]));
  const rows = [];
  const matched = new Set();
  for (const clause of toClauses) {
    let ancestor = clause.derivedFromClauseId && byId.get(clause.derivedFromClauseId);
    if (!ancestor && clause.derivedFromClauseId) {
      const lineage = await api.get(`/api/v1/clauses/${clause.id}/lineage`);
      const entry = lineage.ancestors.find(a => a.proposalId === from.id);
      ancestor = entry && byId.get(entry.clauseId);
    }
    if (ancestor) {
      matched.add(ancestor.id);
      const same = ancestor.heading === clause.heading && ancestor.text === clause.text && ancestor.topic === clause.topic;
      rows.push({change: same ? 'kept' : 'changed', before: ancestor, after: clause});
    } else {
      rows.push({change: 'added', after: clause});
    }
  }
  fromClauses.filter(c => !matched.has(c.id)).forEach(c => rows.push({change: 'dropped', before: c}));
  const counts = ['kept', 'changed', 'dropped', 'added'].map(k => `${rows.filter(r => r.change === k).length} ${k}`).join(', ');
  const text = c => c ? h('div', {}, h('strong', {}, `${c.label}. ${c.heading || label(c.topic)}`), h('p', {}, c.text || '')) : h('span', {class: 'muted'}, '—');
  mount(main,
    h('p', {class: 'crumbs'}, h('a', {href: `#/proposals/${to.id}`}, `Board of ${to.title} v${to.version}`)),
    h('h1', {}, `${from.title} v${from.version} → ${to.title} v${to.version}`),
    h('p', {class: 'summary'}, counts),
    rows.length ? h('table', {class: 'list compare'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Change'), h('th', {scope: 'col'}, `v${from.version}`), h('th', {scope: 'col'}, `v${to.version}`))),
      h('tbody', {}, rows.map(r => h('tr', {class: `change-${r.change}`}, h('td', {}, h('span', {class: `tag tag-${r.change}`}, r.change)),
        h('td', {}, text(r.before)), h('td', {}, text(r.after))))))
      : h('p', {class: 'muted'}, 'Neither version has clauses.'));
}
