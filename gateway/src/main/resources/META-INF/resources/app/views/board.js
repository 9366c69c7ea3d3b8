// The proposal board: clauses × parties, each cell a party's current position. A stand on the whole
// proposal (Russia: "certain elements are unacceptable") has its own row, and in the clause rows it shows as
// "undisclosed" for a party that did not name the clauses. A cell opens the position's history and, for an
// analyst, the form that records a change.
import {h, mount, label, instant, sourcesList, errorBox} from '../dom.js';
import * as api from '../api.js';
import * as auth from '../auth.js';
import {positionForm} from './forms.js';

export const LEGEND = [
  ['accepted', '✓', 'accepted'],
  ['accepted_with_reservations', '✓*', 'accepted with reservations'],
  ['contested', '!', 'contested'],
  ['rejected', '✗', 'rejected'],
  ['under_review', '…', 'under review'],
  ['not_stated', '○', 'not stated'],
  ['undisclosed', '?', 'undisclosed: a stance on the whole proposal, clauses not named'],
  ['none', '–', 'no position'],
];
const GLYPH = Object.fromEntries(LEGEND.map(([s, g]) => [s, g]));
const SHORT = {accepted_with_reservations: 'reservations', undisclosed: 'undisclosed', none: 'no position'};

export async function boardView(main, proposalId) {
  const [board, proposal] = await Promise.all([api.get(`/api/v1/proposals/${proposalId}/board`), api.get(`/api/v1/proposals/${proposalId}`)]);
  const [proposals, negotiation] = await Promise.all([api.all('/api/v1/proposals', {negotiation: proposal.negotiationId, sort: 'version'}),
    api.get(`/api/v1/negotiations/${proposal.negotiationId}`)]);
  const versions = family(proposals, proposal);
  const shownParties = new Set(board.parties.map(p => p.partyId));
  let onlyDisputed = false;
  const table = h('div', {class: 'board-wrap'});
  const dialog = h('dialog', {class: 'history', 'aria-labelledby': 'history-title'});

  const partyFilter = h('fieldset', {class: 'filters'}, h('legend', {}, 'Parties'),
    board.parties.map(p => h('label', {class: 'check'}, h('input', {type: 'checkbox', checked: true, value: p.partyId, onchange: e => {
      e.target.checked ? shownParties.add(p.partyId) : shownParties.delete(p.partyId);
      draw();
    }}), p.name)),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', id: 'only-disputed', onchange: e => { onlyDisputed = e.target.checked; draw(); }}),
      'Only contested or rejected clauses'));

  mount(main,
    h('p', {class: 'crumbs'}, h('a', {href: '#/'}, 'Negotiations'), ' › ', h('a', {href: `#/negotiations/${board.negotiationId}`}, negotiation.title)),
    h('h1', {}, `${board.title} v${proposal.version}`, ' ', h('span', {class: `status status-${board.status}`}, label(board.status))),
    proposal.summary ? h('p', {}, proposal.summary) : null,
    summaryLine(board.summary),
    versions.length ? h('p', {}, 'Compare with ', versions.map((v, i) => [i ? ', ' : '',
      h('a', {href: `#/proposals/${v.id}/compare/${proposal.id}`}, `${v.title} v${v.version}`)])) : null,
    partyFilter, legend(), table, dialog);

  function draw() {
    const parties = board.parties.filter(p => shownParties.has(p.partyId));
    // A cell without changedAt is a party with no position at all (the board fills it as not_stated).
    const stances = new Map(board.proposalPositions.filter(c => c.changedAt).map(c => [c.partyId, c]));
    const rows = board.clauses.filter(row => !onlyDisputed || parties.some(p =>
      ['contested', 'rejected'].includes(cellFor(row, p.partyId, stances).status)));
    mount(table, h('table', {class: 'board', 'aria-describedby': 'board-legend'},
      h('caption', {}, 'Where each party stands, clause by clause'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Clause'),
        parties.map(p => h('th', {scope: 'col', 'data-party': p.slug}, p.name, h('small', {}, p.role))))),
      h('tbody', {},
        h('tr', {class: 'whole'}, h('th', {scope: 'row'}, 'Whole proposal'),
          parties.map(p => {
            const stance = stances.get(p.partyId);
            const status = stance?.status || 'none';
            const note = stance && !stance.clausesDisclosed ? 'clauses undisclosed' : stance?.affectedClauseIds?.length ? `${stance.affectedClauseIds.length} clauses named` : '';
            return cell(p, null, status, note, `${p.name} on the whole proposal`);
          })),
        rows.map(row => h('tr', {}, h('th', {scope: 'row'}, `${row.label}. ${row.heading || label(row.topic)}`),
          parties.map(p => {
            const c = cellFor(row, p.partyId, stances);
            return cell(p, row, c.status, c.note, `${p.name} on clause ${row.label}`);
          }))),
        !board.clauses.length ? h('tr', {}, h('td', {colspan: parties.length + 1, class: 'muted'},
          'No clauses recorded: the proposal\'s points were not published.')) : null,
        onlyDisputed && board.clauses.length && !rows.length ? h('tr', {}, h('td', {colspan: parties.length + 1, class: 'muted'},
          'No clause is contested or rejected by the parties shown.')) : null)));
  }

  function cell(party, row, status, note, title) {
    return h('td', {}, h('button', {type: 'button', class: `cell st-${status}`, 'data-party': party.slug,
      'data-clause': row ? row.clauseId : 'proposal', 'data-status': status,
      'aria-label': `${title}: ${LEGEND.find(l => l[0] === status)[2]}${note ? `, ${note}` : ''}. Open the history`,
      onclick: () => openHistory(party, row, title)},
    h('span', {class: 'glyph', 'aria-hidden': 'true'}, GLYPH[status]), ' ', SHORT[status] || label(status),
    note ? h('small', {}, note) : null));
  }

  async function openHistory(party, row, title) {
    const base = row ? `/api/v1/clauses/${row.clauseId}/positions/${party.partyId}` : `/api/v1/proposals/${proposalId}/positions/${party.partyId}`;
    const body = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
    mount(dialog, h('div', {class: 'dialog-head'}, h('h2', {id: 'history-title'}, title),
      h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, 'Close')), body);
    dialog.showModal();
    let history = [];
    try {
      history = (await api.get(`${base}/history`, {size: 200})).items;
    } catch (e) {
      if (e.status !== 404) return mount(body, errorBox(api.explain(e)));
    }
    const form = auth.can('analyst') ? await positionForm(base, () => api.find(base), async () => {
      dialog.close();
      await reload();
      // The board was drawn again: give keyboard focus back to the cell the user opened.
      table.querySelector(`button[data-party="${party.slug}"][data-clause="${row ? row.clauseId : 'proposal'}"]`)?.focus();
    }) : h('p', {class: 'muted'}, 'Recording positions needs the analyst role.');
    mount(body, history.length ? h('ol', {class: 'changes', reversed: true}, history.slice().reverse().map(change => h('li', {},
      h('p', {}, h('strong', {}, change.previousStatus ? `${label(change.previousStatus)} → ${label(change.status)}` : label(change.status)),
        ` · ${instant(change.recordedAt)} · recorded by ${change.recordedBy || 'unknown'}`),
      change.note ? h('p', {}, change.note) : null,
      change.affectedClauseIds && !row ? h('p', {class: 'muted'}, change.affectedClauseIds.length ? `${change.affectedClauseIds.length} clauses named` : 'Clauses undisclosed') : null,
      sourcesList(change.sources))))
      : h('p', {class: 'muted'}, 'No position recorded yet.'), form);
  }

  async function reload() {
    Object.assign(board, await api.get(`/api/v1/proposals/${proposalId}/board`));
    draw();
  }

  draw();
}

// A clause cell: the party's own position on the clause, else what its stand on the whole proposal says.
function cellFor(row, partyId, stances) {
  const own = row.cells.find(c => c.partyId === partyId && c.changedAt);
  if (own) return {status: own.status};
  const stance = stances.get(partyId);
  if (stance && !stance.clausesDisclosed) return {status: 'undisclosed', note: `whole proposal ${label(stance.status)}`};
  if (stance?.affectedClauseIds?.includes(row.clauseId)) return {status: stance.status, note: 'via the whole-proposal stance'};
  return {status: 'none'};
}

// The other versions of a proposal: those linked to it, directly or not, by "supersedes".
function family(proposals, proposal) {
  const linked = new Set([proposal.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of proposals) {
      if (!linked.has(p.id) && (linked.has(p.supersedesProposalId) || proposals.some(q => q.supersedesProposalId === p.id && linked.has(q.id)))) {
        linked.add(p.id);
        grew = true;
      }
    }
  }
  return proposals.filter(p => p.id !== proposal.id && linked.has(p.id));
}

function summaryLine(s) {
  if (!s) return null;
  return h('p', {class: 'summary'}, `${s.clauses} clauses: ${s.acceptedByAllPrincipals} accepted by every principal, `
    + `${s.contested} contested, ${s.rejected} rejected, ${s.noStatedPosition} with no stated position.`);
}

function legend() {
  return h('div', {id: 'board-legend', class: 'legend'}, h('h2', {}, 'Legend'), h('ul', {},
    LEGEND.map(([status, glyph, text]) => h('li', {}, h('span', {class: `cell st-${status}`, 'aria-hidden': 'true'}, glyph), ' ', text))));
}
