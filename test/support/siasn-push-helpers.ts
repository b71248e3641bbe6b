import type { EvalOrg, Rating } from './evaluation-fixtures';
import { eventually } from './eventually';
import type { FakeSiasn } from './siasn-fake';
import { pnsIdOf, type JfCase } from './siasn-fixtures';
import type { TestApp } from './test-app';

export interface OutboxRowSeen {
  id: string;
  nip: string;
  kind: string;
  state: string;
  siasnId: string | null;
  lastError: string | null;
  attempts: number;
  naturalKey: string;
}

const RATINGS: Rating[] = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];
// Spec 01 §8 matrix → SIASN kuadranNilai (04 §8.3): [hasil][perilaku].
const KUADRAN = [
  [1, 2, 4],
  [2, 2, 4],
  [3, 3, 5],
];

/** The outbox as the console reads it, and a wait for a row to settle that explains itself when it does not. */
export function outboxProbe(t: TestApp, fake: FakeSiasn, admin: () => string) {
  const rowsOf = async (q: string): Promise<OutboxRowSeen[]> =>
    (await t.request('GET', `/api/v1/siasn/outbox?limit=500&${q}`, { token: admin() })).body.items;
  const rowFor = async (nip: string, kind: string): Promise<OutboxRowSeen | undefined> =>
    (await rowsOf(`kind=${kind}`)).find((r) => r.nip === nip && r.state !== 'SUPERSEDED');
  const settled = (nip: string, kind: string, states: string[], timeoutMs = 60_000) =>
    eventually(
      async () => {
        const r = await rowFor(nip, kind);
        return r && states.includes(r.state) ? r : null;
      },
      timeoutMs,
      100,
    ).catch(async (err: Error) => {
      const rows = await t.dataSource.query(`SELECT id, kind, nip, state, attempts, last_error FROM siasn_outbox`);
      const tries = await t.dataSource.query(
        `SELECT outbox_id, attempt, step, http_status, outcome FROM siasn_attempts ORDER BY id`,
      );
      throw new Error(
        `${err.message}: ${JSON.stringify({ rows, tries, fake: fake.requests.map((q) => `${q.method} ${q.path}`) })}`,
      );
    });
  return { rowsOf, rowFor, settled };
}

/** Months of a quarter of 2026 (`2026-Q2` → 4, 6). */
const quarterMonths = (period: string): [number, number] => {
  const q = Number(period.slice(-1));
  return [3 * q - 2, 3 * q];
};

/**
 * The `POST /kinerjaperiodik/save` body (spec 04 §8.2, names and types as SIASN's Swagger) the engine must send
 * for a FINAL quarter of a JF Ahli Pertama rated by the unit's PPK (Pengawas, III/d).
 */
export function expectedKinerjaPeriodik(c: JfCase, org: EvalOrg, period: string): Record<string, unknown> {
  const [from, to] = quarterMonths(period);
  const hasil = RATINGS.indexOf(c.resultRating);
  const perilaku = RATINGS.indexOf(c.behaviorRating);
  return {
    tahun: 2026,
    tahunMulaiPenilaian: 2026,
    bulanMulaiPenilaian: from,
    tahunSelesaiPenilaian: 2026,
    bulanSelesaiPenilaian: to,
    periodikId: '2',
    koefisienId: '12',
    hasilKinerjaNilai: hasil + 1,
    perilakuKerjaNilai: perilaku + 1,
    kuadranKinerjaNilai: KUADRAN[hasil][perilaku],
    penilaiNama: `Pegawai ${org.ppk.nip.slice(-4)}`,
    penilaiNipNrp: org.ppk.nip,
    penilaiGolongan: '34',
    penilaiJabatanNama: 'Kepala Seksi Rujukan',
    penilaiUnorNama: `Unit ${org.unitCode}`,
    statusPenilai: 'ASN',
    pnsDinilaiId: pnsIdOf(c.person.nip),
    path: [],
  };
}

/**
 * The kinerjaperiodik/save body SIASN receives for the case's period: the §8.2 payload with the path objects
 * of the DEKP uploads (`upload-dok`, §8.3) made for that person and period (one per attempt that uploaded).
 */
export function sentKinerjaPeriodik(fake: FakeSiasn, c: JfCase, org: EvalOrg, period: string): Record<string, unknown> {
  const file = `DEKP-${c.person.nip}-${period}.pdf`;
  const path = fake.uploads.filter((u) => u.endpoint === '/upload-dok' && u.fileName === file).map((u) => u.path);
  return { ...expectedKinerjaPeriodik(c, org, period), path };
}

/**
 * A kinerja periodik row SIASN already holds for the case's quarter with other values (typed in SIASN by
 * hand, or sent by an older client): same natural key, Di Bawah / Di Bawah → kuadran 5, another penilai.
 */
export function heldWithOtherValues(fake: FakeSiasn, c: JfCase, org: EvalOrg, period: string): string {
  return fake.store.insert('kinerjaperiodik', c.person.nip, {
    ...expectedKinerjaPeriodik(c, org, period),
    hasilKinerjaNilai: 3,
    perilakuKerjaNilai: 3,
    kuadranKinerjaNilai: 5,
    penilaiNama: 'Pejabat Lama',
  });
}

/**
 * The kinerjaperiodik/save bodies the fake received for these people. Filtered by person: in a full run the
 * database is shared, and this file's worker may also send rows other files left waiting.
 */
export function kinerjaSaves(fake: FakeSiasn, cases: JfCase[]): Record<string, unknown>[] {
  const ids = new Set(cases.map((c) => pnsIdOf(c.person.nip)));
  return fake
    .calls('POST', '/kinerjaperiodik/save')
    .map((r) => JSON.parse(r.body) as Record<string, unknown>)
    .filter((b) => ids.has(String(b.pnsDinilaiId)));
}

/** Outbox counts by state and the latest attempt, straight from the tables (to compare with GET /siasn/status). */
export async function outboxTotals(
  t: TestApp,
): Promise<{ counts: Record<string, number>; lastAttemptAt: string | null }> {
  const rows: { state: string; n: number }[] = await t.dataSource.query(
    `SELECT state, count(*)::int AS n FROM siasn_outbox GROUP BY state`,
  );
  const counts: Record<string, number> = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, DEAD: 0, SUPERSEDED: 0 };
  for (const r of rows) counts[r.state] = r.n;
  const [last] = await t.dataSource.query(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM siasn_attempts ORDER BY id DESC LIMIT 1`,
  );
  return { counts, lastAttemptAt: last?.at ?? null };
}
