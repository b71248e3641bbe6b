import { parse } from 'csv-parse/sync';
import { csvOptionsFromQuery, ExportColumn } from '../../../src/common/export/export-table';
import { csvReadable, toCsv } from '../../../src/common/export/csv-writer';

const COLS: ExportColumn[] = [
  { key: 'nip', label: 'NIP', kind: 'code' },
  { key: 'name', label: 'Nama', kind: 'text' },
  { key: 'amount', label: 'Jumlah (Rp)', kind: 'rupiah' },
  { key: 'decided', label: 'Diputus', kind: 'boolean' },
];
const NIP = '198807192012071019';
const plain = { separator: ',' as const, bom: false, codes: 'plain' as const };

function cells(text: string, delimiter = ',') {
  return parse(text, { delimiter, bom: true, relax_column_count: false }) as string[][];
}

describe('CSV writer (one writer for every export)', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['-2+3+cmd|x', "'-2+3+cmd|x"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+1+1', "'+1+1"],
    ['\tcmd', "'\tcmd"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises the text cell %j (OWASP: leading = + - @ tab CR)', (payload, expected) => {
    const text = toCsv(COLS, [[NIP, payload, 100, false]], plain);
    const [header, row] = cells(text);
    expect(header).toEqual(['nip', 'name', 'amount', 'decided']);
    expect(row[1]).toBe(expected);
    expect(row[0]).toBe(NIP);
  });

  it('a leading carriage return or tab is both neutralised and quoted per RFC 4180', () => {
    const text = toCsv(
      COLS,
      [
        [NIP, '\r=1', 1, true],
        [NIP, 'a"b,c', 2, false],
      ],
      plain,
    );
    expect(text.split('\r\n')[1]).toBe(`${NIP},"'\r=1",1,true`);
    expect(text.split('\r\n')[2]).toBe(`${NIP},"a""b,c",2,false`);
  });

  it('negative amounts in numeric columns are numbers, not formulas; text in a numeric column is neutralised', () => {
    const text = toCsv(
      COLS,
      [
        [NIP, 'x', '-150000', false],
        [NIP, 'y', -5n, false],
        [NIP, 'z', -7, false],
        [NIP, 'w', '-1+cmd', false],
      ],
      plain,
    );
    expect(
      cells(text)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['-150000', '-5', '-7', "'-1+cmd"]);
  });

  it('UTF-8 BOM, semicolon separator, CRLF lines, and NIP kept as text for spreadsheets by default', () => {
    const opts = csvOptionsFromQuery({ sep: 'semicolon' });
    const text = toCsv(
      COLS,
      [
        [NIP, 'Sri Rahayu; S.Kep.', 5439503, true],
        ['0012', null, null, null],
      ],
      opts,
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'nip;name;amount;decided',
      `"=""${NIP}""";"Sri Rahayu; S.Kep.";5439503;true`,
      '"=""0012""";;;',
      '',
    ]);
    // RFC 4180 parsing gives `="…"`, which Excel and LibreOffice keep as the text inside.
    expect(cells(text, ';')[1][0]).toBe(`="${NIP}"`);
  });

  it('code cells that are not digits only are written as neutralised text, never as a formula', () => {
    const text = toCsv(COLS, [['=HYPERLINK("x")', 'a', 1, false]], csvOptionsFromQuery({}));
    expect(cells(text)[1][0]).toBe('\'=HYPERLINK("x")');
  });

  it('query parameters: sep comma|semicolon, bom true|false, codes text|plain; anything else → 400 naming the field', () => {
    expect(csvOptionsFromQuery({})).toEqual({ separator: ',', bom: true, codes: 'text' });
    expect(csvOptionsFromQuery({ sep: 'comma', bom: 'false', codes: 'plain' })).toEqual({
      separator: ',',
      bom: false,
      codes: 'plain',
    });
    expect(() => csvOptionsFromQuery({ sep: 'tab' })).toThrow(expect.objectContaining({ status: 400 }));
    try {
      csvOptionsFromQuery({ sep: 'pipe', bom: 'yes' });
    } catch (e) {
      expect((e as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['sep', 'bom']);
    }
    expect.assertions(4);
  });

  it('streams batches with the same bytes as the whole-text writer', async () => {
    const batches = [[[NIP, '=1', -3, true]], [], [['199001012015031002', 'Budi "B"', 4, false]]];
    async function* gen() {
      for (const b of batches) yield b;
    }
    const chunks: Buffer[] = [];
    for await (const c of csvReadable(COLS, gen(), csvOptionsFromQuery({ sep: 'semicolon' })))
      chunks.push(Buffer.from(c));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(
      toCsv(COLS, batches.flat(), csvOptionsFromQuery({ sep: 'semicolon' })),
    );
  });

  it('ends the row source when the reader goes away (releases its resources)', async () => {
    let closed = false;
    async function* gen() {
      try {
        for (let i = 0; ; i++) yield [[String(i).padStart(18, '0'), 'x'.repeat(200), i, false]];
      } finally {
        closed = true;
      }
    }
    const s = csvReadable(COLS, gen(), plain);
    for await (const _ of s) break;
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(true);
  });
});
