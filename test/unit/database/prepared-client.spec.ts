import { Client } from 'pg';
import { MAX_PREPARED_PER_CONNECTION, PreparingClient, statementName } from '../../../src/database/prepared-client';

/** What the pool's client hands to pg: parameterized statements named (parsed and planned once per connection). */
describe('PreparingClient', () => {
  let sent: unknown[][];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    sent = [];
    spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (...args: unknown[]) {
      sent.push(args);
      return Promise.resolve({ rows: [] });
    } as never);
  });
  afterEach(() => spy.mockRestore());

  it('names a statement with parameters by its text, and leaves the rest as they are', async () => {
    const c = new PreparingClient();
    await c.query('SELECT * FROM skp WHERE id = $1', ['a']);
    await c.query('SELECT * FROM skp WHERE id = $1', ['b']);
    await c.query('START TRANSACTION');
    await c.query('SELECT 1', []);
    const copy = { submit: () => undefined };
    c.query(copy as never);
    const name = statementName('SELECT * FROM skp WHERE id = $1');
    expect(name).toMatch(/^s_[A-Za-z0-9_-]{27}$/);
    expect(statementName('SELECT * FROM skp WHERE id = $2')).not.toBe(name);
    expect(sent.map((a) => a[0])).toEqual([
      { name, text: 'SELECT * FROM skp WHERE id = $1' },
      { name, text: 'SELECT * FROM skp WHERE id = $1' },
      'START TRANSACTION',
      'SELECT 1',
      copy,
    ]);
    expect(sent[1][1]).toEqual(['b']);
  });

  it('sends new texts unnamed once a connection holds the maximum of prepared statements', async () => {
    const c = new PreparingClient();
    for (let i = 0; i <= MAX_PREPARED_PER_CONNECTION; i++) await c.query(`SELECT ${i} + $1`, [1]);
    await c.query('SELECT 0 + $1', [1]);
    const first = sent.slice(0, MAX_PREPARED_PER_CONNECTION).map((a) => typeof a[0]);
    expect(new Set(first)).toEqual(new Set(['object']));
    expect(sent[MAX_PREPARED_PER_CONNECTION][0]).toBe(`SELECT ${MAX_PREPARED_PER_CONNECTION} + $1`);
    expect(sent[MAX_PREPARED_PER_CONNECTION + 1][0]).toEqual({
      name: statementName('SELECT 0 + $1'),
      text: 'SELECT 0 + $1',
    });
  });
});
