// Signing in, as /web/config.json says: mode none (no sign-in), dev (the dev issuer hands out a token for a
// chosen role) or oidc (authorization code flow with PKCE). The token lives in sessionStorage, so it ends
// with the tab. Its payload is read only to know which actions to show; the server verifies it.
import {h, mount, field, select, errorBox} from './dom.js';

const TOKEN = 'parley.token';
const OIDC = 'parley.oidc';
const LEVELS = {viewer: 1, analyst: 2, admin: 3};
let config = {mode: 'none', rolesClaim: 'groups'};
const listeners = [];

export async function start() {
  try {
    const response = await fetch('/web/config.json', {headers: {Accept: 'application/json'}});
    if (response.ok) config = {...config, ...(await response.json()).auth};
  } catch (e) {
    // No config: behave as before access control, the API will say if it disagrees.
  }
  if (config.mode === 'oidc') await completeOidc();
  if (token() && expired(payload())) sessionStorage.removeItem(TOKEN);
  renderSession();
}

export const mode = () => config.mode;
export const token = () => (config.mode === 'none' ? null : sessionStorage.getItem(TOKEN));
export const signedIn = () => config.mode === 'none' || !!token();
export const onChange = listener => listeners.push(listener);

function payload() {
  const t = sessionStorage.getItem(TOKEN);
  if (!t) return {};
  try {
    const part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return {};
  }
}

const expired = p => typeof p.exp === 'number' && p.exp * 1000 < Date.now();

function roles() {
  if (config.mode === 'none') return ['admin'];
  let value = payload();
  for (const key of (config.rolesClaim || 'groups').split('.')) value = value == null ? null : value[key];
  return Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[ ,]+/) : [];
}

// A higher role includes the lower ones, as on the server.
export const can = role => Math.max(0, ...roles().map(r => LEVELS[r] || 0)) >= LEVELS[role];

export function user() {
  const p = payload();
  return p.preferred_username || p.upn || p.email || p.sub || '';
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  renderSession();
  listeners.forEach(l => l());
}

function signedInAs(accessToken) {
  sessionStorage.setItem(TOKEN, accessToken);
  renderSession();
  listeners.forEach(l => l());
}

function renderSession() {
  const el = document.getElementById('session');
  if (!el) return;
  if (config.mode === 'none') return mount(el);
  if (token()) {
    const role = roles().sort((a, b) => (LEVELS[b] || 0) - (LEVELS[a] || 0))[0] || 'no role';
    return mount(el, h('span', {}, `${user() || 'Signed in'} · ${role}`),
      h('button', {type: 'button', class: 'link', onclick: signOut}, 'Sign out'));
  }
  mount(el, h('a', {href: '#/sign-in'}, 'Sign in'));
}

// The sign-in page; reached from the header, and on any 401.
export function signInView(main, reason) {
  const error = errorBox();
  if (config.mode === 'dev') {
    const role = select('role', [['viewer', 'viewer (read, follow alerts)'], ['analyst', 'analyst (also record facts)'],
      ['admin', 'admin (also parties, envoys, deletes)']], 'analyst');
    const form = h('form', {class: 'card narrow', onsubmit: async event => {
      event.preventDefault();
      try {
        const response = await fetch(`${config.devTokenUrl}?role=${encodeURIComponent(role.value)}`);
        if (!response.ok) throw new Error(`the dev issuer answered ${response.status}`);
        signedInAs((await response.json()).access_token);
        location.hash = sessionStorage.getItem('parley.back') || '#/';
      } catch (e) {
        error.textContent = `Sign-in failed: ${e.message}`;
      }
    }},
    h('h1', {}, 'Sign in'),
    reason ? h('p', {}, reason) : null,
    h('p', {class: 'muted'}, 'Development sign-in: choose the role to act as.'),
    field('Role', role), error,
    h('button', {type: 'submit'}, 'Sign in'));
    return mount(main, form);
  }
  if (config.mode === 'oidc') {
    return mount(main, h('div', {class: 'card narrow'}, h('h1', {}, 'Sign in'), reason ? h('p', {}, reason) : null, error,
      h('button', {type: 'button', onclick: () => beginOidc().catch(e => { error.textContent = `Sign-in failed: ${e.message}`; })},
        'Sign in with your organisation')));
  }
  mount(main, h('div', {class: 'card narrow'}, h('h1', {}, 'No sign-in needed'),
    h('p', {}, 'This Parley runs without access control.'), h('a', {href: '#/'}, 'Go to the negotiations')));
}

async function discovery() {
  const response = await fetch(`${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  return response.json();
}

const base64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => `${location.origin}/`;

async function beginOidc() {
  const meta = await discovery();
  const verifier = random();
  const state = random();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(OIDC, JSON.stringify({verifier, state, back: sessionStorage.getItem('parley.back') || '#/'}));
  const url = new URL(meta.authorization_endpoint);
  Object.entries({response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256', state}).forEach(([k, v]) => url.searchParams.set(k, v));
  location.assign(url);
}

async function completeOidc() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(OIDC) || 'null');
  if (!params.has('code') || !pending) return;
  sessionStorage.removeItem(OIDC);
  history.replaceState(null, '', `/${pending.back}`);
  if (params.get('state') !== pending.state) return; // not the sign-in this tab started
  const meta = await discovery();
  const response = await fetch(meta.token_endpoint, {method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: config.clientId, code_verifier: pending.verifier})});
  if (response.ok) sessionStorage.setItem(TOKEN, (await response.json()).access_token);
}
