/**
 * Text boxes of a PDF as pdf.js lays them out (position, width, font height), and the two layout
 * faults an officer would send a document back for: text printed over other text, and text that
 * runs off the page.
 */
export interface TextBox {
  page: number;
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface PdfJsDoc {
  numPages: number;
  getPage(n: number): Promise<{
    view: number[];
    getTextContent(): Promise<{ items: { str: string; transform: number[]; width: number; height: number }[] }>;
  }>;
}

function loadPdfParse(): { PDFParse: new (o: { data: Uint8Array }) => unknown } {
  // pdf.js loads its worker with a dynamic import(), which jest's CommonJS runtime refuses;
  // handing it the worker module up front makes it run in-process instead.
  const g = globalThis as { pdfjsWorker?: unknown };
  const path = require('node:path') as typeof import('node:path');
  g.pdfjsWorker ??= require(path.join(path.dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs'));
  return require('pdf-parse');
}

export async function textBoxes(pdf: Buffer): Promise<{ pages: { w: number; h: number }[]; boxes: TextBox[] }> {
  const { PDFParse } = loadPdfParse();
  const parser = new PDFParse({ data: new Uint8Array(pdf) }) as {
    load(): Promise<void>;
    destroy(): Promise<void>;
    doc: PdfJsDoc;
  };
  const boxes: TextBox[] = [];
  const pages: { w: number; h: number }[] = [];
  try {
    await parser.load();
    for (let p = 1; p <= parser.doc.numPages; p++) {
      const page = await parser.doc.getPage(p);
      pages.push({ w: page.view[2] - page.view[0], h: page.view[3] - page.view[1] });
      for (const i of (await page.getTextContent()).items) {
        if (!i.str || !i.str.trim()) continue;
        const h = i.height || Math.abs(i.transform[3]);
        // pdf.js gives the baseline; the glyphs reach about a fifth of the size below it.
        boxes.push({ page: p, s: i.str, x: i.transform[4], y: i.transform[5] - h * 0.2, w: i.width, h });
      }
    }
  } finally {
    await parser.destroy();
  }
  return { pages, boxes };
}

/** Pairs of boxes on one page that intersect (by more than `tolerance` points in both directions). */
export function overlaps(boxes: TextBox[], tolerance = 0.5): string[] {
  const found: string[] = [];
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const A = boxes[a];
      const B = boxes[b];
      if (A.page !== B.page) continue;
      const ix = Math.min(A.x + A.w, B.x + B.w) - Math.max(A.x, B.x);
      const iy = Math.min(A.y + A.h, B.y + B.h) - Math.max(A.y, B.y);
      if (ix > tolerance && iy > tolerance) found.push(`page ${A.page}: "${A.s}" overlaps "${B.s}"`);
    }
  }
  return found;
}

/** Boxes not wholly inside the page less `margin` points on every side. */
export function offPage(boxes: TextBox[], pages: { w: number; h: number }[], margin = 10): string[] {
  return boxes
    .filter((b) => {
      const p = pages[b.page - 1];
      return b.x < margin || b.y < margin || b.x + b.w > p.w - margin || b.y + b.h > p.h - margin;
    })
    .map((b) => `page ${b.page}: "${b.s}" at (${b.x.toFixed(1)}, ${b.y.toFixed(1)}) w ${b.w.toFixed(1)}`);
}

/** Every layout fault of a document (empty = clean). */
export async function layoutProblems(pdf: Buffer): Promise<string[]> {
  const { pages, boxes } = await textBoxes(pdf);
  return [...overlaps(boxes), ...offPage(boxes, pages)];
}
