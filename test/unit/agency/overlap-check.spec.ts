import PDFDocument from 'pdfkit';
import { overlappingText } from '../../support/evaluation-fixtures';

function pdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('overprint check used by the document tests', () => {
  it('finds text drawn over other text, and nothing in text laid out line by line', async () => {
    const bad = await pdf((d) => {
      d.text('Seksi Pelayanan Kesehatan Rujukan, 6 Desember 2026', 300, 100, { width: 150 });
      d.text('Atasan Pejabat Penilai Kinerja', 300, 112, { width: 150 });
    });
    expect((await overlappingText(bad)).length).toBeGreaterThan(0);
    const good = await pdf((d) => {
      d.text('Contoh, 6 Desember 2026', 300, 100, { width: 150 });
      d.text('Atasan Pejabat Penilai Kinerja', 300, d.y, { width: 150 });
    });
    expect(await overlappingText(good)).toEqual([]);
  });
});
