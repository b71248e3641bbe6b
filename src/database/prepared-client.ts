import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Distinct statements one connection keeps prepared (each holds a plan in its PostgreSQL backend). */
export const MAX_PREPARED_PER_CONNECTION = 256;

/** Text → statement name, shared by all connections (bounded: cleared when full). */
const names = new Map<string, string>();
const MAX_NAMES = 4096;

export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `s_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

type Send = (this: Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * The pool's client: a parameterized statement goes as a named prepared statement, so PostgreSQL parses and
 * plans it once per connection instead of on every call (TypeORM sends every statement unnamed, and for the
 * rating, view and team reads the parse + plan was a third of PostgreSQL's CPU per request).
 * Statements without parameters (BEGIN, COMMIT, SET, DDL) and query objects (COPY streams, cursors) go as
 * before, and so does every new text once a connection holds MAX_PREPARED_PER_CONNECTION of them.
 */
export class PreparingClient extends Client {}

/** Names each connection has prepared. */
const prepared = new WeakMap<Client, Set<string>>();
/** pg's own query, looked up per call (a spy that counts statements on Client.prototype still sees them). */
const send: Send = function (this: Client, config, values, callback) {
  return (Reflect.get(Client.prototype, 'query') as Send).call(this, config, values, callback);
};
const query: Send = function (this: Client, config, values, callback) {
  if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0)
    return send.call(this, config, values, callback);
  const name = statementName(config);
  let mine = prepared.get(this);
  if (!mine) prepared.set(this, (mine = new Set()));
  if (!mine.has(name)) {
    if (mine.size >= MAX_PREPARED_PER_CONNECTION) return send.call(this, config, values, callback);
    mine.add(name);
  }
  return send.call(this, { name, text: config }, values, callback);
};
Reflect.set(PreparingClient.prototype, 'query', query);
