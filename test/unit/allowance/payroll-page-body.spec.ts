import { Readable } from 'node:stream';
import { PayrollPageBody } from '../../../src/allowance/payroll-page-body';

/** A binary COPY file of (nip, item) tuples as PostgreSQL writes it. */
function copyFile(rows: [string, string][]): Buffer {
  const parts = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
  for (const [nip, item] of rows) {
    const n = Buffer.from(nip);
    const i = Buffer.from(item);
    const head = Buffer.alloc(6);
    head.writeInt16BE(2, 0);
    head.writeInt32BE(n.length, 2);
    const len = Buffer.alloc(4);
    len.writeInt32BE(i.length, 0);
    parts.push(head, n, len, i);
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  parts.push(trailer);
  return Buffer.concat(parts);
}

async function body(file: Buffer, limit: number, chunkSize: number): Promise<string> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < file.length; i += chunkSize) chunks.push(file.subarray(i, i + chunkSize));
  const out = Readable.from(chunks).pipe(
    new PayrollPageBody({ head: '{"items":[', limit, tail: (nip) => `],"next":${JSON.stringify(nip)}}` }),
  );
  const got: Buffer[] = [];
  for await (const c of out) got.push(c as Buffer);
  return Buffer.concat(got).toString('utf8');
}

describe('PayrollPageBody (binary COPY → page JSON)', () => {
  const rows: [string, string][] = [
    ['199001012020011001', '{"nip":"199001012020011001","name":"Siti → \\"Ani\\"","netAmount":1}'],
    [
      '199001012020011002',
      '{"nip":"199001012020011002","name":"Budi","explanation":{"formula":"Rp3.854.725 − Rp2.312.835"}}',
    ],
    ['199001012020011003', '{"nip":"199001012020011003","name":"Citra"}'],
  ];
  const file = copyFile(rows);

  it('passes the items through between head and tail, whatever the chunk boundaries', async () => {
    for (const size of [1, 2, 3, 7, 19, 64, file.length]) {
      const text = await body(file, 10, size);
      expect(JSON.parse(text)).toEqual({ items: rows.map(([, i]) => JSON.parse(i)), next: null });
    }
  });

  it('of limit + 1 rows sends limit and names the last sent NIP as the next page', async () => {
    for (const size of [1, 5, file.length]) {
      const parsed = JSON.parse(await body(file, 2, size));
      expect(parsed.items.map((i: { nip: string }) => i.nip)).toEqual([rows[0][0], rows[1][0]]);
      expect(parsed.next).toBe(rows[1][0]);
    }
  });

  it('an empty page is an empty list', async () => {
    expect(JSON.parse(await body(copyFile([]), 5, 3))).toEqual({ items: [], next: null });
  });

  it('fails on a stream cut short or not a COPY', async () => {
    await expect(body(file.subarray(0, file.length - 5), 10, 16)).rejects.toThrow('ended early');
    const text = Buffer.concat([Buffer.from('{"not":"copy"}'), Buffer.alloc(10)]);
    await expect(body(text, 10, 8)).rejects.toThrow('not a binary COPY');
  });
});
