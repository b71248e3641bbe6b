import type PDFKit from 'pdfkit';
import { PREDICATE_LABELS, RATING_LABELS } from '../rules';
import type { PersonBlock } from './evaluation-snapshot.util';
import { formatNip, humanEnum } from '../common/format-id';

export const ORG_LABEL: Record<string, string> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};
/** Whether a stored code has a label in the table (codes are read as text from rows). */
const hasLabel = <K extends string>(labels: Record<K, string>, code: string): code is K => Object.hasOwn(labels, code);
export const predLabel = (p: string | null) =>
  p ? (hasLabel(PREDICATE_LABELS, p) ? PREDICATE_LABELS[p] : humanEnum(p)) : '-';
export const ratingLabel = (r: string | null) =>
  r ? (hasLabel(RATING_LABELS, r) ? RATING_LABELS[r] : humanEnum(r)) : '-';
/** The standard PDF fonts speak WinAnsi only: keep text to characters they can print. */
export const safe = (s: string | null | undefined) =>
  (s ?? '-')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/≤/g, '<=')
    .replace(/≥/g, '>=')
    .replace(/×/g, 'x')
    .replace(/[^\t\n\r\x20-\x7e\xa0-\xff]/g, '?');

/** Options of a starred field ("*) coret yang tidak perlu"): all printed, those that do not apply struck through. */
export interface Choices {
  options: string[];
  /** the option that applies; null = none yet (nothing struck) */
  chosen: string | null;
  suffix?: string;
}

export interface Col {
  w: number;
  text: string;
  bold?: boolean;
  choices?: Choices;
}

const choicesText = (c: Choices) => `${c.options.join(' / ')}${c.suffix ? ` ${c.suffix}` : ''}`;

/** Bordered table rows of the DEKP and its form: cells wrap, a row never splits across pages. */
export function dekpTable(doc: PDFKit.PDFDocument) {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const drawChoices = (c: Choices, x: number, y: number, w: number) => {
    const parts = c.options.flatMap((o, i) => [
      { t: o, strike: c.chosen !== null && o !== c.chosen },
      ...(i < c.options.length - 1 ? [{ t: ' / ', strike: false }] : []),
    ]);
    if (c.suffix) parts.push({ t: ` ${c.suffix}`, strike: false });
    parts.forEach((p, i) => {
      const o = { continued: i < parts.length - 1, strike: p.strike };
      if (i === 0) doc.text(safe(p.t), x, y, { ...o, width: w });
      else doc.text(safe(p.t), o);
    });
  };
  const choice = (k: string, c: Choices) => {
    row([
      { w: 28, text: '' },
      { w: 170, text: k },
      { w: width - 198, text: '', choices: c },
    ]);
  };
  const row = (cols: Col[], opts: { fill?: boolean } = {}) => {
    doc.fontSize(8.5);
    const heights = cols.map((c) =>
      doc
        .font(c.bold ? 'Helvetica-Bold' : 'Helvetica')
        .heightOfString(safe(c.choices ? choicesText(c.choices) : c.text), { width: c.w - 6 }),
    );
    const h = Math.max(...heights) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    for (const c of cols) {
      if (opts.fill) doc.rect(x, y, c.w, h).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
      else doc.rect(x, y, c.w, h).stroke();
      doc.font(c.bold ? 'Helvetica-Bold' : 'Helvetica');
      if (c.choices) drawChoices(c.choices, x + 3, y + 3, c.w - 6);
      else doc.text(safe(c.text), x + 3, y + 3, { width: c.w - 6 });
      x += c.w;
    }
    doc.x = left;
    doc.y = y + h;
  };
  const heading = (text: string) => {
    row([{ w: width, text, bold: true }], { fill: true });
  };
  const kv = (no: string, k: string, val: string) => {
    row([
      { w: 28, text: no },
      { w: 170, text: k },
      { w: width - 198, text: val },
    ]);
  };
  const person = (no: string, title: string, pb: PersonBlock | null) => {
    row(
      [
        { w: 28, text: no, bold: true },
        { w: width - 28, text: title, bold: true },
      ],
      { fill: true },
    );
    kv('', 'NAMA', pb?.name ?? '-');
    kv('', 'NIP', pb ? formatNip(pb.nip) : '-');
    kv('', 'PANGKAT/GOL. RUANG', pb ? (pb.pangkat ? `${pb.pangkat}, ${pb.golongan}` : `Golongan ${pb.golongan}`) : '-');
    kv('', 'JABATAN', pb?.positionTitle ?? '-');
    kv('', 'UNIT KERJA', pb ? pb.unitName : '-');
  };

  return { left, width, row, heading, kv, person, choice };
}

export type DekpTable = ReturnType<typeof dekpTable>;
