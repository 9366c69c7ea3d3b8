// The policy-desk client: hash routes (so the gateway serves one page and needs no fallback route), one
// view module per page, the live alerts panel beside every page.
import {h, mount, errorBox} from './dom.js';
import * as api from './api.js';
import * as auth from './auth.js';
import * as alerts from './alerts.js';
import {negotiationsView, negotiationView} from './views/negotiations.js';
import {boardView} from './views/board.js';
import {compareView} from './views/compare.js';
import {directoryView} from './views/directory.js';
import {meetingsView, meetingView} from './views/meetings.js';
import {incidentsView, incidentView} from './views/incidents.js';

const routes = [
  [/^#\/?$/, negotiationsView],
  [/^#\/negotiations\/([\w-]+)$/, negotiationView],
  [/^#\/proposals\/([\w-]+)$/, boardView],
  [/^#\/proposals\/([\w-]+)\/compare(?:\/([\w-]+))?$/, compareView],
  [/^#\/directory$/, directoryView],
  [/^#\/meetings$/, meetingsView],
  [/^#\/meetings\/([\w-]+)$/, meetingView],
  [/^#\/incidents$/, incidentsView],
  [/^#\/incidents\/([\w-]+)$/, incidentView],
];

async function show() {
  const main = document.getElementById('main');
  const hash = location.hash || '#/';
  document.querySelectorAll('header nav a').forEach(a =>
    a.toggleAttribute('aria-current', a.getAttribute('href') === hash || (a.getAttribute('href') !== '#/' && hash.startsWith(a.getAttribute('href')))));
  if (hash === '#/sign-in') return auth.signInView(main);
  if (!auth.signedIn()) {
    sessionStorage.setItem('parley.back', hash);
    return auth.signInView(main, 'Sign in to follow the talks.');
  }
  const [pattern, view] = routes.find(([p]) => p.test(hash)) || [];
  if (!view) return mount(main, h('h1', {}, 'Not found'), h('p', {}, h('a', {href: '#/'}, 'Back to the negotiations')));
  mount(main, h('p', {class: 'muted', role: 'status'}, 'Loading…'));
  try {
    await view(main, ...hash.match(pattern).slice(1));
  } catch (e) {
    mount(main, h('h1', {}, 'Something went wrong'), errorBox(api.explain(e)));
  }
  main.focus({preventScroll: true});
}

await auth.start();
auth.onChange(show);
alerts.start(document.getElementById('alerts'));
window.addEventListener('hashchange', show);
show();
