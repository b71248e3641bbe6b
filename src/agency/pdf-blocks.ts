import type PDFKit from 'pdfkit';
import { formatNip, tanggalIndonesia } from '../common/format-id';
import type { AgencyProfile } from './agency.service';

/** A blank as printed forms leave one, used when the agency has not configured a value. */
export const BLANK = '.....................';

/** Letterhead (kop surat): optional logo at the left, centred lines, a double rule under it. */
export function letterhead(doc: PDFKit.PDFDocument, agency: AgencyProfile): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y;
  const lines = agency.letterhead.length ? agency.letterhead : [agency.name.toUpperCase()];
  if (agency.logoPng) doc.image(agency.logoPng, left, top, { fit: [48, 48] });
  const textLeft = agency.logoPng ? left + 56 : left;
  const textWidth = width - (agency.logoPng ? 112 : 0);
  doc.y = top;
  lines.forEach((l, i) => {
    doc
      .font(i < lines.length - 1 ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(i === 0 ? 12 : i < lines.length - 1 ? 11 : 8.5);
    doc.text(l, textLeft, doc.y, { width: textWidth, align: 'center' });
  });
  const y = Math.max(doc.y, agency.logoPng ? top + 50 : 0) + 4;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(1.5)
    .stroke();
  doc
    .moveTo(left, y + 2.5)
    .lineTo(left + width, y + 2.5)
    .lineWidth(0.5)
    .stroke();
  doc.lineWidth(1);
  doc.x = left;
  doc.y = y + 10;
}

/** "<kota>, <tanggal>" — the town of the agency, never a unit name; a blank when not configured. */
export function placeAndDate(agency: AgencyProfile, isoDate: string): string {
  return `${agency.town ?? BLANK}, ${tanggalIndonesia(isoDate)}`;
}

/**
 * Label/value lines with the colons in one column (values wrap under themselves).
 * `labelWidth` in points from `x`.
 */
export function keyValues(
  doc: PDFKit.PDFDocument,
  rows: [string, string][],
  o: { x?: number; width?: number; labelWidth?: number } = {},
): void {
  const x = o.x ?? doc.page.margins.left;
  const width = o.width ?? doc.page.width - doc.page.margins.right - x;
  const lw = o.labelWidth ?? 170;
  for (const [k, v] of rows) {
    const y = doc.y;
    const hk = doc.heightOfString(k, { width: lw - 4 });
    doc.text(k, x, y, { width: lw - 4 });
    doc.text(':', x + lw, y, { width: 8 });
    const hv = doc.heightOfString(v || '-', { width: width - lw - 12 });
    doc.text(v || '-', x + lw + 10, y, { width: width - lw - 12 });
    doc.y = y + Math.max(hk, hv) + 1.5;
  }
  doc.x = doc.page.margins.left;
}

export interface Signer {
  caption: string[];
  name: string | null;
  nip: string | null;
}

/**
 * Signature blocks side by side in equal columns, each: optional place/date line, captions, space to
 * sign, name (underlined), NIP. Keeps the blocks together on one page and returns the y below them.
 */
export function signatureBlocks(
  doc: PDFKit.PDFDocument,
  blocks: (Signer & { placeDate?: string })[],
  o: { x?: number; width?: number; gap?: number } = {},
): number {
  const x0 = o.x ?? doc.page.margins.left;
  const width = o.width ?? doc.page.width - doc.page.margins.right - x0;
  const colW = width / blocks.length;
  const inner = colW - 8;
  const heightOf = (b: Signer & { placeDate?: string }) =>
    (b.placeDate ? doc.heightOfString(b.placeDate, { width: inner }) : 0) +
    b.caption.reduce((h, c) => h + doc.heightOfString(c, { width: inner }), 0) +
    44 +
    doc.heightOfString(b.name ?? BLANK, { width: inner }) +
    doc.heightOfString('NIP', { width: inner });
  // Align the captions: every block starts its caption at the height of the tallest place/date line.
  const pdH = Math.max(0, ...blocks.map((b) => (b.placeDate ? doc.heightOfString(b.placeDate, { width: inner }) : 0)));
  const capH = Math.max(
    ...blocks.map((b) => b.caption.reduce((h, c) => h + doc.heightOfString(c, { width: inner }), 0)),
  );
  const total = Math.max(...blocks.map(heightOf), pdH + capH + 44 + 24);
  if (doc.y + total > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  let bottom = top;
  blocks.forEach((b, i) => {
    const x = x0 + i * colW;
    let y = top;
    if (b.placeDate) doc.text(b.placeDate, x, y, { width: inner, align: 'center' });
    y = top + pdH;
    for (const c of b.caption) {
      doc.text(c, x, y, { width: inner, align: 'center' });
      y = doc.y;
    }
    y = top + pdH + capH + 44;
    doc.font('Helvetica-Bold').text(b.name ?? BLANK, x, y, { width: inner, align: 'center', underline: !!b.name });
    doc.font('Helvetica').text(b.nip ? `NIP ${formatNip(b.nip)}` : 'NIP', x, doc.y, { width: inner, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = doc.page.margins.left;
  doc.y = bottom + 6;
  return doc.y;
}

/** "Tembusan:" and a numbered list, one line each. */
export function tembusan(doc: PDFKit.PDFDocument, items: string[]): void {
  if (!items.length) return;
  const x = doc.page.margins.left;
  doc.text('Tembusan:', x, doc.y);
  items.forEach((t, i) =>
    doc.text(`${i + 1}. ${t}`, x + 8, doc.y, { width: doc.page.width - doc.page.margins.right - x - 8 }),
  );
  doc.x = x;
}
