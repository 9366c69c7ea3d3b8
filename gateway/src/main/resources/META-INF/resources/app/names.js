// Parties and envoys by id, read once per page load: every page names them, none should ask twice.
import * as api from './api.js';

let parties, envoys;
export const partyList = () => (parties ||= api.all('/api/v1/parties', {sort: 'name'}).catch(e => { parties = null; throw e; }));
export const envoyList = () => (envoys ||= api.all('/api/v1/envoys', {sort: 'fullName'}).catch(e => { envoys = null; throw e; }));

export async function partyNames() {
  return new Map((await partyList()).map(p => [p.id, p.name]));
}

export async function envoyNames() {
  return new Map((await envoyList()).map(e => [e.id, e.fullName]));
}
