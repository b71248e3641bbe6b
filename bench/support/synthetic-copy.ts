/** COPY (pg-copy-streams) of generated rows, with a progress bar on stderr. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const esc = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
};
export const pgArray = (xs: (string | number)[]): string => `{${xs.join(',')}}`;

export interface TableLoad {
  table: string;
  columns: string[];
  rows: () => Iterable<unknown[]>;
}

export class Progress {
  private done = 0;
  private last = 0;
  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly start = Date.now(),
  ) {}
  add(n: number): void {
    this.done += n;
    const now = Date.now();
    if (!this.enabled || (now - this.last < 200 && this.done < this.total)) return;
    this.last = now;
    const f = Math.min(1, this.done / this.total);
    const bar = '#'.repeat(Math.round(f * 30)).padEnd(30, '.');
    const rate = Math.round(this.done / Math.max(0.001, (now - this.start) / 1000));
    process.stderr.write(
      `\r  [${bar}] ${(f * 100).toFixed(0).padStart(3)}%  ${this.done.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s   `,
    );
  }
  end(): void {
    if (this.enabled) process.stderr.write('\n');
  }
}

export async function copyTable(client: Client, t: TableLoad, progress: Progress): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let buf = '';
    let inBuf = 0;
    for (const r of t.rows()) {
      buf += r.map(esc).join('\t') + '\n';
      if (++inBuf === 2000) {
        count += inBuf;
        progress.add(inBuf);
        yield buf;
        buf = '';
        inBuf = 0;
      }
    }
    count += inBuf;
    progress.add(inBuf);
    if (buf) yield buf;
  }
  await pipeline(
    Readable.from(lines()),
    client.query(copyFrom(`COPY ${t.table} (${t.columns.join(', ')}) FROM STDIN`)),
  );
  return count;
}
