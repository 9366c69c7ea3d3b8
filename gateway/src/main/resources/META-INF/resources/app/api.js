// Every call to Parley's public API goes through here: the bearer token when signed in, JSON both ways,
// the ETag of what was read, and problems (RFC 9457) turned into errors that say what went wrong.
import * as auth from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export function headers(extra) {
  const all = {Accept: 'application/json', ...extra};
  const token = auth.token();
  if (token) all.Authorization = `Bearer ${token}`;
  return all;
}

// Returns {data, etag, status}; throws ApiError for any 4xx/5xx. A 401 sends the user to sign in.
export async function call(method, path, {body, ifMatch, query} = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const extra = {};
  if (body !== undefined) extra['Content-Type'] = 'application/json';
  if (ifMatch) extra['If-Match'] = ifMatch;
  const response = await fetch(url, {method, headers: headers(extra), body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && auth.mode() !== 'none') {
      auth.signOut();
      sessionStorage.setItem('parley.back', location.hash);
      location.hash = '#/sign-in';
    }
    throw error;
  }
  return {data, etag: response.headers.get('ETag'), status: response.status};
}

export const get = (path, query) => call('GET', path, {query}).then(r => r.data);
// Reads a resource that may not exist yet: null on 404.
export async function find(path) {
  try {
    return await call('GET', path);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

// A whole (bounded) list: Parley pages at most 200 items; the client follows nextPageToken up to `limit`.
export async function all(path, query, limit = 400) {
  const items = [];
  let token;
  while (items.length < limit) {
    const data = await get(path, {...query, size: 200, ...(token ? {page_token: token} : {})});
    items.push(...data.items);
    token = data.nextPageToken;
    if (!token) break;
  }
  return items;
}

// What to tell the user about a failed call, with the role a 403 asks for (the problem's detail says it).
export function explain(error) {
  if (!(error instanceof ApiError)) return `Could not reach Parley: ${error.message}`;
  const p = error.problem;
  const violations = (p.violations || []).map(v => `${v.field}: ${v.message}`).join('; ');
  if (error.status === 403) return `Not allowed with your role. ${p.detail || ''}`.trim();
  return [p.title || `Error ${error.status}`, p.detail, violations].filter(Boolean).join(' — ');
}
