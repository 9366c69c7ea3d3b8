// A tiny element builder: h('a', {href: '#/'}, 'text', child). Text is always set as text, never as HTML,
// so nothing an API returns can inject markup.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export function mount(target, ...children) {
  target.replaceChildren();
  append(target, children);
}

let ids = 0;
export const uid = prefix => `${prefix}-${++ids}`;

// A labelled form field; the label is tied to the control by id, for screen readers and clicks.
export function field(label, control, hint) {
  control.id = control.id || uid('f');
  const hintEl = hint ? h('small', {id: control.id + '-hint'}, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', {class: 'field'}, h('label', {for: control.id}, label), control, hintEl);
}

export function select(name, options, value) {
  return h('select', {name},
    options.map(([v, text]) => h('option', {value: v, selected: v === value}, text)));
}

// A message the user must see at once (screen readers announce it): a failed call, a refused form.
export const errorBox = text => h('p', {class: 'error', role: 'alert'}, text);

export const label = value => value ? String(value).replaceAll('_', ' ') : '';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

export function day(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function instant(iso) {
  if (!iso) return '';
  const t = iso.length > 10 ? iso.slice(11, 16) : '';
  return t && t !== '00:00' ? `${day(iso)}, ${t} UTC` : day(iso);
}

// A date as precisely as it was reported, and no more: the article says "Thursday", so Parley does too.
export function when(at, precision, asReported) {
  switch (precision) {
    case 'instant': return instant(at);
    case 'exact_day': return at ? `${day(at)} (day only)` : 'undated';
    case 'night': return at ? `night of ${day(at)}` : `${asReported || 'a night'}, undated`;
    case 'weekday_as_reported': return asReported ? `${asReported}, as reported` : 'a weekday, as reported';
    case 'approximate': return at ? `around ${day(at)}` : 'approximate date';
    case 'recorded': return `recorded ${day(at)} (date of the fact not held)`;
    default: return asReported ? `undated (“${asReported}”)` : 'undated';
  }
}

export function sourcesList(sources) {
  if (!sources || !sources.length) return h('p', {class: 'muted'}, 'No source given.');
  return h('ul', {class: 'sources'}, sources.map(s => h('li', {},
    s.url ? h('a', {href: s.url, rel: 'noopener noreferrer', target: '_blank'}, s.publication) : h('cite', {}, s.publication),
    s.publishedOn ? `, ${day(s.publishedOn)}` : '',
    s.attribution ? ` — ${s.attribution}` : '')));
}

// Accent- and case-insensitive word-prefix match, the same rule the API's envoy name search applies.
export function nameMatches(name, query) {
  const words = text => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const have = words(name);
  return words(query).every(q => have.some(w => w.startsWith(q)));
}

export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.classList.add('shown');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('shown'), 5000);
}
