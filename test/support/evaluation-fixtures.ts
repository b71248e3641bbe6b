import { approvedSkp, createEmployee, createUnit, Person, skpBody } from './org-skp-fixtures';
import type { TestApp } from './test-app';

/** Helpers for the evaluation-cycle tests (issue 6). */

export const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;
export type Rating = (typeof RATINGS)[number];

/** Moves the application clock to noon (Jakarta) of a date. */
export function setToday(t: TestApp, date: string): void {
  t.clock.reset();
  t.clock.advance(Date.parse(`${date}T05:00:00Z`) - Date.now());
  if (t.clock.today() !== date) throw new Error(`clock is ${t.clock.today()}, wanted ${date}`);
}

export interface EvalOrg {
  parentCode: string;
  unitCode: string;
  /** Leader of the parent unit (JPT Pratama): PPK of the unit head, sets the unit's organisation performance. */
  leader: Person;
  /** Head of the unit (administrator, isUnitHead): atasan PPK of the staff. */
  head: Person;
  /** Pengawas: PPK of the staff. */
  ppk: Person;
  staff: Person[];
}

/** The posts of an evaluation org, here and in the medium tier's mediumOrg. */
export const EVAL_ORG_POSTS = {
  leader: { kind: 'JPT_PRATAMA', isUnitHead: true, kelasJabatan: 14, golongan: 'IV/b', title: 'Kepala Dinas' },
  head: {
    kind: 'ADMINISTRATOR',
    isUnitHead: true,
    kelasJabatan: 11,
    golongan: 'IV/a',
    title: 'Kepala Bidang Pelayanan',
  },
  ppk: { kind: 'PENGAWAS', kelasJabatan: 9, golongan: 'III/d', title: 'Kepala Seksi Rujukan' },
  staff: { kind: 'PELAKSANA', kelasJabatan: 6, golongan: 'III/a', title: 'Pengelola Layanan Rujukan' },
} as const;

/** parent unit (leader) → unit (head) → PPK → n staff, all from 2025-01-01. */
export async function createEvalOrg(t: TestApp, staffCount: number): Promise<EvalOrg> {
  const parentCode = await createUnit(t, null, 'P');
  const unitCode = await createUnit(t, parentCode, 'C');
  const leader = await createEmployee(t, { unitCode: parentCode, ...EVAL_ORG_POSTS.leader });
  const head = await createEmployee(t, { unitCode, supervisorNip: leader.nip, ...EVAL_ORG_POSTS.head });
  const ppk = await createEmployee(t, { unitCode, supervisorNip: head.nip, ...EVAL_ORG_POSTS.ppk });
  const staff: Person[] = [];
  for (let i = 0; i < staffCount; i++)
    staff.push(await createEmployee(t, { unitCode, supervisorNip: ppk.nip, ...EVAL_ORG_POSTS.staff }));
  return { parentCode, unitCode, leader, head, ppk, staff };
}

/** An APPROVED 2026 SKP for each staff member (approved by their PPK); returns the SKPs. */
export async function approvedStaffSkps(t: TestApp, org: EvalOrg, year = 2026) {
  const out = [];
  for (const s of org.staff) out.push(await approvedSkp(t, s, org.ppk, skpBody(year)));
  return out;
}

export const evalPath = (skpId: string, period: string) => `/api/v1/skp/${skpId}/evaluations/${period}`;

export async function putRealizations(
  t: TestApp,
  owner: Person,
  skp: { id: string; results: { indicators: { id: string }[] }[] },
  period: string,
) {
  const items = skp.results.flatMap((r) =>
    r.indicators.map((i) => ({
      indicatorId: i.id,
      realization: 'Tercapai 97 %',
      evidenceUrls: ['https://bukti.example.go.id/laporan.pdf'],
    })),
  );
  return t.request('PUT', `${evalPath(skp.id, period)}/realizations`, { token: owner.token, body: { items } });
}

export async function rate(
  t: TestApp,
  ppk: Person,
  skp: { id: string; results: { id: string }[] },
  period: string,
  resultRating: Rating | undefined,
  behaviorRating: Rating,
  note = 'Pertahankan kinerja',
) {
  return t.request('PUT', `${evalPath(skp.id, period)}/rating`, {
    token: ppk.token,
    body: {
      ...(resultRating ? { resultRating } : {}),
      behaviorRating,
      feedback: [
        { resultId: skp.results[0].id, text: 'Tindak lanjut rujukan konsisten' },
        { coreValue: 'BERORIENTASI_PELAYANAN', text: 'Ramah dan responsif' },
      ],
      note,
    },
  });
}

export async function setPerformance(t: TestApp, token: string, unitCode: string, period: string, predicate: string) {
  return t.request('PUT', `/api/v1/units/${unitCode}/performance/${period}`, {
    token,
    body: { predicate, note: 'Capaian rencana aksi' },
  });
}

/** GET a binary response (the DEKP PDF). */
export async function getBinary(
  t: TestApp,
  path: string,
  token: string,
): Promise<{ status: number; contentType: string | null; body: Buffer }> {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

export async function pdfText(pdf: Buffer): Promise<string> {
  // pdf.js would load its worker with a dynamic import(), which jest's CommonJS runtime refuses;
  // handing it the worker module up front makes it run in-process instead.
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= require(
    require('node:path').join(require('node:path').dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs'),
  );
  const { PDFParse } = require('pdf-parse');

  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const r = await parser.getText();
    return r.text as string;
  } finally {
    await parser.destroy();
  }
}

/**
 * Text boxes of a PDF that overprint each other: pairs of text items (pdf.js text content) on the same
 * page whose boxes intersect by more than a third of the smaller one. Empty list = no overprint.
 */
export async function overlappingText(pdf: Buffer): Promise<string[]> {
  await pdfText(Buffer.from(pdf)); // loads pdf.js the same way (worker in-process)

  const { PDFParse } = require('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const found: string[] = [];
  try {
    // pdf-parse keeps the pdf.js document it loads; its text items carry their position and size.
    await (parser as { load(): Promise<void> }).load();
    const doc = (
      parser as unknown as {
        doc: {
          numPages: number;
          getPage(n: number): Promise<{
            getTextContent(): Promise<{ items: { str: string; transform: number[]; width: number; height: number }[] }>;
          }>;
        };
      }
    ).doc;
    for (let p = 1; p <= doc.numPages; p++) {
      const items = (await (await doc.getPage(p)).getTextContent()).items
        .filter((i) => i.str && i.str.trim())
        .map((i) => ({
          s: i.str,
          x: i.transform[4],
          y: i.transform[5],
          w: i.width,
          h: i.height || Math.abs(i.transform[3]),
        }));
      for (let a = 0; a < items.length; a++) {
        for (let b = a + 1; b < items.length; b++) {
          const A = items[a];
          const B = items[b];
          const ix = Math.min(A.x + A.w, B.x + B.w) - Math.max(A.x, B.x);
          const iy = Math.min(A.y + A.h, B.y + B.h) - Math.max(A.y, B.y);
          if (ix <= 0 || iy <= 0) continue;
          if (ix * iy > Math.min(A.w * A.h, B.w * B.h) / 3) found.push(`page ${p}: "${A.s}" over "${B.s}"`);
        }
      }
    }
  } finally {
    await parser.destroy();
  }
  return found;
}
