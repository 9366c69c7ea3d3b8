// The forms that record facts. Every fact needs at least one source, so each form asks for one.
import {h, field, select, label, toast, errorBox} from '../dom.js';
import * as api from '../api.js';
import * as auth from '../auth.js';
import {envoyList} from '../names.js';

export function sourceFields() {
  const publication = h('input', {name: 'publication', required: true, maxlength: 300});
  const url = h('input', {name: 'url', type: 'url', maxlength: 2000});
  const publishedOn = h('input', {name: 'publishedOn', type: 'date'});
  const attribution = h('input', {name: 'attribution', maxlength: 500});
  return {
    element: h('fieldset', {}, h('legend', {}, 'Source (required)'),
      field('Publication', publication), field('URL', url), field('Published on', publishedOn),
      field('Who said it', attribution)),
    value: () => [{publication: publication.value.trim(), url: url.value.trim() || undefined,
      publishedOn: publishedOn.value || undefined, attribution: attribution.value.trim() || undefined}],
  };
}

export function recorder() {
  const input = h('input', {name: 'recordedBy', required: true, maxlength: 200,
    value: auth.user() || localStorage.getItem('parley.recordedBy') || ''});
  return {element: field('Recorded by', input, 'Your name or desk'), value: () => {
    localStorage.setItem('parley.recordedBy', input.value.trim());
    return input.value.trim();
  }};
}

function formCard(title, onsubmit, ...content) {
  return h('form', {class: 'card', onsubmit}, h('h3', {}, title), ...content,
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Save'),
      h('button', {type: 'button', class: 'secondary', onclick: e => e.target.closest('form').remove()}, 'Cancel')));
}

export function meetingForm(negotiation, done) {
  const error = errorBox();
  const title = h('input', {name: 'title', required: true, maxlength: 300});
  const date = h('input', {name: 'date', type: 'date'});
  const time = h('input', {name: 'time', type: 'time'});
  const city = h('input', {name: 'city'});
  const country = h('input', {name: 'country'});
  const venue = h('input', {name: 'venue'});
  const format = select('format', [['in_person', 'in person'], ['virtual', 'virtual']], 'in_person');
  const source = sourceFields();
  return formCard('Schedule a meeting', async event => {
    event.preventDefault();
    const startsAt = date.value ? `${date.value}T${time.value || '00:00'}:00Z` : undefined;
    try {
      await api.call('POST', '/api/v1/meetings', {body: {negotiationId: negotiation.id, title: title.value.trim(),
        startsAt, startPrecision: !date.value ? 'unknown' : time.value ? 'instant' : 'exact_day',
        location: {city: city.value.trim() || undefined, country: country.value.trim() || undefined, venue: venue.value.trim() || undefined},
        format: format.value, status: 'scheduled', sources: source.value()}});
      toast('Meeting scheduled.');
      done();
    } catch (e) {
      error.textContent = api.explain(e);
    }
  }, field('Title', title), field('Date', date, 'Leave empty when not reported'), field('Time (UTC)', time, 'Leave empty when only the day is known'),
  field('City', city), field('Country', country), field('Venue', venue), field('Format', format), source.element, error);
}

export function statementForm(negotiation, proposals, done) {
  const error = errorBox();
  const envoy = h('select', {name: 'envoy', required: true}, h('option', {value: ''}, 'Choose…'));
  envoyList().then(list => list.forEach(e => envoy.append(h('option', {value: e.id}, e.fullName))));
  const quote = h('textarea', {name: 'quote', required: true, maxlength: 5000, rows: 3});
  const saidOn = h('input', {name: 'saidOn', type: 'date'});
  const proposal = select('proposal', [['', 'none'], ...proposals.map(p => [p.id, `${p.title} v${p.version}`])], '');
  const source = sourceFields();
  return formCard('Add a statement', async event => {
    event.preventDefault();
    try {
      await api.call('POST', '/api/v1/statements', {body: {negotiationId: negotiation.id, envoyId: envoy.value,
        quote: quote.value.trim(), saidOn: saidOn.value || undefined, saidOnPrecision: saidOn.value ? 'exact_day' : 'unknown',
        proposalId: proposal.value || undefined, sources: source.value()}});
      toast('Statement added.');
      done();
    } catch (e) {
      error.textContent = api.explain(e);
    }
  }, field('Envoy', envoy), field('Quote, verbatim', quote), field('Said on', saidOn), field('About the proposal', proposal),
  source.element, error);
}

const STATUSES = ['accepted', 'accepted_with_reservations', 'contested', 'rejected', 'under_review', 'not_stated'];

// Records or changes one party's position. `read` fetches the current position with its ETag (null when the
// party has none); the change is sent with that ETag in If-Match. When someone else changed the position
// in between (412), or recorded the first one (428), nothing is overwritten: the form says so, shows the
// current value, and keeps the user's input so they can decide.
export async function positionForm(path, read, done) {
  let current = await read();
  const error = errorBox();
  const status = select('status', STATUSES.map(s => [s, label(s)]), current?.data.status || 'accepted');
  const note = h('textarea', {name: 'note', rows: 2, maxlength: 5000});
  const source = sourceFields();
  const by = recorder();
  const conflict = h('div', {class: 'conflict', role: 'alert', hidden: true});
  const form = h('form', {class: 'card', 'data-form': 'position', onsubmit: async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      await api.call('PUT', path, {ifMatch: current?.etag, body: {status: status.value, note: note.value.trim() || undefined,
        sources: source.value(), recordedBy: by.value()}});
      toast('Position recorded.');
      done();
    } catch (e) {
      if (e.status === 412 || e.status === 428) {
        current = await read();
        conflict.hidden = false;
        conflict.replaceChildren(h('strong', {}, 'Someone else changed this position first; your change was not saved.'),
          h('p', {}, 'Current: ', h('span', {class: 'current-status'}, current ? label(current.data.status) : 'no position'),
            current?.data.note ? ` — ${current.data.note}` : '',
            current ? ` (recorded by ${current.data.recordedBy || 'unknown'})` : ''),
          h('p', {}, 'Review it; save again to replace it with yours.'));
      } else {
        error.textContent = api.explain(e);
      }
    }
  }}, h('h3', {}, current ? 'Change the position' : 'Record a position'), conflict,
  field('Status', status), field('Note', note), source.element, by.element, error,
  h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Save position')));
  return form;
}
