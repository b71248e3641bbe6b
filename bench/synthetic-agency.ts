/**
 * Synthetic agency generator (issue 9): a realistic organisation of N employees loaded with COPY
 * (pg-copy-streams) into a fresh, migrated database. Deterministic for a given --seed (ids, NIPs,
 * names, positions, ratings); only timestamps such as created_at come from the clock.
 *
 * Shape (for 100,000 employees): a province (PROV, Sekretaris Daerah as JPT Madya) with one OPD per
 * ~2,000 employees (JPT Pratama), each with a sekretariat and 4 bidang (administrators), 3 seksi /
 * subbagian per bidang (pengawas, unit heads), staff in the seksi (pelaksana and JF keterampilan /
 * keahlian up to Ahli Muda) and JF Ahli Madya / Utama in the OPD itself. ~40 % JF over all eight
 * jenjang with golongan that fit the jenjang, ~20 % PPPK (pelaksana), supervisor = PPK.
 * Each employee: an APPROVED SKP for the year (2 RHK with 1 IKI each, the 7 BerAKHLAK behaviours,
 * SUBMIT/APPROVE history), an ANNUAL evaluation RATED by the PPK (realisations, SUBMIT/RATE history,
 * predicate + explanation from the rules library) with the predicates spread per distribution unit
 * so that the SE 3/2023 pattern of an org predicate BAIK holds (every unit has its org performance),
 * attendance for one month, a login (one shared synthetic password) and R-TPP-DEMO as the default
 * allowance rule set (when the allowance tables exist).
 *
 * Loading: two connections COPY in parallel with session_replication_role = replica (FK triggers
 * off during the load; every reference is generated consistent, and `verify` checks them after).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { runMigrations } from '../src/database/migrate';
import { computePredicate, R_TPP_DEMO, unitHeadPredicate } from '../src/rules';

export const SYNTHETIC_PASSWORD = 'sintetis-2026';
export const SYNTHETIC_ADMIN = { nip: '190001012000011001', password: 'admin-sintetis-2026' };

export interface SyntheticOptions {
  employees: number;
  seed: number;
  year: number;
  /** Month of the attendance records (YYYY-MM). */
  month: string;
  progress?: boolean;
}

export interface SyntheticResult {
  rows: number;
  ms: number;
  tables: Record<string, number>;
  units: number;
  jfShare: number;
  pppkShare: number;
  predicates: Record<string, number>;
}

// ---- deterministic randomness ----------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function uuidFrom(rnd: () => number): string {
  const b = new Array<number>(16);
  for (let i = 0; i < 16; i++) b[i] = Math.floor(rnd() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h.slice(10).join('')}`;
}

// ---- organisation model ----------------------------------------------------------------------

type Kind = 'JPT_MADYA' | 'JPT_PRATAMA' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
interface Unit {
  id: string;
  code: string;
  name: string;
  parent: Unit | null;
}
interface Emp {
  id: string;
  nip: string;
  name: string;
  status: 'PNS' | 'PPPK';
  golongan: string;
  unit: Unit;
  supervisor: Emp | null;
  title: string;
  kind: Kind;
  jenjang: string | null;
  kelas: number;
  head: boolean;
  tmt: string;
}

const FIRST = [
  'Agus',
  'Budi',
  'Citra',
  'Dewi',
  'Eko',
  'Fitri',
  'Gita',
  'Hadi',
  'Indah',
  'Joko',
  'Kartika',
  'Lina',
  'Made',
  'Nur',
  'Oki',
  'Putri',
  'Rina',
  'Sri',
  'Tri',
  'Wahyu',
  'Yuli',
  'Rizky',
  'Siti',
  'Bambang',
  'Ayu',
  'Dimas',
  'Endang',
  'Fajar',
  'Hendra',
  'Ratna',
];
const LAST = [
  'Santoso',
  'Wijaya',
  'Lestari',
  'Hidayat',
  'Saputra',
  'Wulandari',
  'Pratama',
  'Kusuma',
  'Nugroho',
  'Rahmawati',
  'Setiawan',
  'Purnomo',
  'Handayani',
  'Susilo',
  'Permata',
  'Hartono',
  'Maharani',
  'Siregar',
  'Nasution',
  'Simanjuntak',
];
const OPD = [
  'Dinas Pendidikan',
  'Dinas Kesehatan',
  'Dinas Pekerjaan Umum',
  'Dinas Sosial',
  'Dinas Perhubungan',
  'Badan Pendapatan Daerah',
  'Dinas Pertanian',
  'Dinas Lingkungan Hidup',
  'BKPSDM',
  'Bappeda',
  'RSUD',
  'Dinas Kependudukan',
  'Inspektorat',
  'Satpol PP',
  'Dinas Pariwisata',
];
/** JF jenjang mix (share of JF), golongan that fit the jenjang (rules table), kelas jabatan, example title. */
const JF: [string, number, string[], number, string][] = [
  ['PEMULA', 0.04, ['II/a'], 5, 'Pranata Komputer Pemula'],
  ['TERAMPIL', 0.17, ['II/b', 'II/c', 'II/d'], 6, 'Perawat Terampil'],
  ['MAHIR', 0.1, ['III/a', 'III/b'], 7, 'Perawat Mahir'],
  ['PENYELIA', 0.08, ['III/c', 'III/d'], 8, 'Perawat Penyelia'],
  ['AHLI_PERTAMA', 0.3, ['III/a', 'III/b'], 8, 'Guru Ahli Pertama'],
  ['AHLI_MUDA', 0.22, ['III/c', 'III/d'], 10, 'Analis Kebijakan Ahli Muda'],
  ['AHLI_MADYA', 0.08, ['IV/a', 'IV/b', 'IV/c'], 12, 'Dokter Ahli Madya'],
  ['AHLI_UTAMA', 0.01, ['IV/d', 'IV/e'], 14, 'Widyaiswara Ahli Utama'],
];
const PELAKSANA_PNS = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b'];
const PELAKSANA_PPPK = ['V', 'VI', 'VII'];
const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];
const JF_SHARE_OF_STAFF = 0.415;
const PPPK_SHARE_OF_PELAKSANA = 0.34;

interface Org {
  units: Unit[];
  emps: Emp[];
}

function buildOrg(n: number, rnd: () => number): Org {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const units: Unit[] = [];
  const unit = (code: string, name: string, parent: Unit | null): Unit => {
    const u = { id: uuidFrom(rnd), code, name, parent };
    units.push(u);
    return u;
  };
  const nips = new Set<string>([SYNTHETIC_ADMIN.nip]);
  const nipFor = (golongan: string, status: 'PNS' | 'PPPK'): string => {
    for (;;) {
      const by = golongan.startsWith('IV')
        ? 1966 + Math.floor(rnd() * 10)
        : golongan.startsWith('III')
          ? 1975 + Math.floor(rnd() * 20)
          : 1985 + Math.floor(rnd() * 15);
      const birth = `${by}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const tmt =
        status === 'PPPK'
          ? `202${1 + Math.floor(rnd() * 4)}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`
          : `${Math.min(2024, by + 22 + Math.floor(rnd() * 6))}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
      const nip = `${birth}${tmt}${rnd() < 0.5 ? 1 : 2}${String(1 + Math.floor(rnd() * 999)).padStart(3, '0')}`;
      if (!nips.has(nip)) {
        nips.add(nip);
        return nip;
      }
    }
  };
  const tmt = () => `${2016 + Math.floor(rnd() * 10)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01`;
  const emps: Emp[] = [];
  const add = (e: Omit<Emp, 'id' | 'nip' | 'name' | 'tmt'>): Emp => {
    const emp = {
      ...e,
      id: uuidFrom(rnd),
      nip: nipFor(e.golongan, e.status),
      name: `${pick(FIRST)} ${pick(LAST)}`,
      tmt: tmt(),
    };
    emps.push(emp);
    return emp;
  };

  const root = unit('PROV', 'Pemerintah Provinsi Sintetis', null);
  const sekda = add({
    status: 'PNS',
    golongan: 'IV/d',
    unit: root,
    supervisor: null,
    title: 'Sekretaris Daerah',
    kind: 'JPT_MADYA',
    jenjang: null,
    kelas: 16,
    head: true,
  });
  const opdCount = Math.max(1, Math.round(n / 2000));
  const opds: { unit: Unit; head: Emp; seksi: { unit: Unit; head: Emp }[] }[] = [];
  for (let o = 0; o < opdCount && emps.length < n; o++) {
    const code = `OPD${String(o + 1).padStart(3, '0')}`;
    const u = unit(code, `${OPD[o % OPD.length]}${o >= OPD.length ? ` ${Math.floor(o / OPD.length) + 1}` : ''}`, root);
    const head = add({
      status: 'PNS',
      golongan: 'IV/c',
      unit: u,
      supervisor: sekda,
      title: `Kepala ${u.name}`,
      kind: 'JPT_PRATAMA',
      jenjang: null,
      kelas: 14,
      head: true,
    });
    const seksi: { unit: Unit; head: Emp }[] = [];
    for (let b = 0; b < 5 && emps.length < n; b++) {
      const bname = b === 0 ? 'Sekretariat' : `Bidang ${b}`;
      const bu = unit(`${code}-B${b}`, `${bname} ${u.name}`, u);
      const bhead = add({
        status: 'PNS',
        golongan: 'IV/a',
        unit: bu,
        supervisor: head,
        title: b === 0 ? `Sekretaris ${u.name}` : `Kepala ${bname}`,
        kind: 'ADMINISTRATOR',
        jenjang: null,
        kelas: 11,
        head: true,
      });
      for (let s = 0; s < 3 && emps.length < n; s++) {
        const sname = b === 0 ? `Subbagian ${s + 1}` : `Seksi ${b}.${s + 1}`;
        const su = unit(`${code}-B${b}-S${s}`, `${sname} ${u.name}`, bu);
        seksi.push({
          unit: su,
          head: add({
            status: 'PNS',
            golongan: 'III/d',
            unit: su,
            supervisor: bhead,
            title: `Kepala ${sname}`,
            kind: 'PENGAWAS',
            jenjang: null,
            kelas: 9,
            head: true,
          }),
        });
      }
    }
    opds.push({ unit: u, head, seksi });
  }
  // Staff: round-robin over the OPDs and their seksi so every unit gets a similar share.
  let k = 0;
  while (emps.length < n) {
    const opd = opds[k % opds.length];
    const sk = opd.seksi[Math.floor(k / opds.length) % opd.seksi.length] ?? { unit: opd.unit, head: opd.head };
    k++;
    if (rnd() < JF_SHARE_OF_STAFF) {
      let r = rnd();
      let j = JF[0];
      for (const x of JF) {
        j = x;
        if ((r -= x[1]) < 0) break;
      }
      const senior = j[0] === 'AHLI_MADYA' || j[0] === 'AHLI_UTAMA';
      add({
        status: 'PNS',
        golongan: pick(j[2]),
        unit: senior ? opd.unit : sk.unit,
        supervisor: senior ? opd.head : sk.head,
        title: j[4],
        kind: 'FUNGSIONAL',
        jenjang: j[0],
        kelas: j[3],
        head: false,
      });
    } else {
      const pppk = rnd() < PPPK_SHARE_OF_PELAKSANA;
      add({
        status: pppk ? 'PPPK' : 'PNS',
        golongan: pick(pppk ? PELAKSANA_PPPK : PELAKSANA_PNS),
        unit: sk.unit,
        supervisor: sk.head,
        title: pick([
          'Pengadministrasi Umum',
          'Pengelola Keuangan',
          'Pengelola Data',
          'Operator Layanan Operasional',
          'Penata Laporan Keuangan',
        ]),
        kind: 'PELAKSANA',
        jenjang: null,
        kelas: 5 + Math.floor(rnd() * 3),
        head: false,
      });
    }
  }
  return { units, emps };
}

// ---- ratings ---------------------------------------------------------------------------------

type Predicate = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
interface Rated {
  result: string;
  behavior: string;
  predicate: Predicate;
  explanation: string;
}

/** Predicate per employee, spread per distribution unit so the BAIK pattern of SE 3/2023 holds. */
function rate(org: Org, year: number, rnd: () => number): Map<Emp, Rated> {
  const onDate = `${year}-12-31`;
  const combos = new Map<Predicate, Rated>();
  const rule = (result: string, behavior: string, predicate: Predicate) =>
    combos.set(predicate, {
      result,
      behavior,
      predicate,
      explanation: JSON.stringify(
        computePredicate({ resultRating: result as never, behaviorRating: behavior as never, onDate }).explanation,
      ),
    });
  rule('DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK');
  rule('SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK');
  rule('DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BUTUH_PERBAIKAN');
  rule('SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG');
  rule('DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG');
  for (const p of combos.keys())
    if (
      computePredicate({
        resultRating: combos.get(p)!.result as never,
        behaviorRating: combos.get(p)!.behavior as never,
        onDate,
      }).predicate !== p
    )
      throw new Error(`matrix changed for ${p}`);
  // A unit head's result rating is the org predicate (BAIK → SESUAI): B or K depending on behaviour.
  const head = (behavior: string): Rated => {
    const r = unitHeadPredicate({ orgPredicate: 'BAIK', behaviorRating: behavior as never, onDate });
    return { result: r.resultRating, behavior, predicate: r.predicate, explanation: JSON.stringify(r.explanation) };
  };
  const headB = head('SESUAI_EKSPEKTASI');
  const headK = head('DI_BAWAH_EKSPEKTASI');

  const groups = new Map<Unit, Emp[]>();
  for (const e of org.emps) {
    const u = e.head ? (e.unit.parent ?? e.unit) : e.unit;
    groups.set(u, [...(groups.get(u) ?? []), e]);
  }
  const out = new Map<Emp, Rated>();
  for (const members of groups.values()) {
    const heads = members.filter((e) => e.head);
    const staff = members.filter((e) => !e.head);
    const n = members.length;
    heads.forEach((h, i) => out.set(h, i % 3 === 2 ? headK : headB));
    const headK_ = heads.filter((_, i) => i % 3 === 2).length;
    // Quotas over the whole population; heads already took B/K places.
    const want: [Predicate, number][] = [
      ['BUTUH_PERBAIKAN', Math.max(headK_ > 0 ? 0 : 1, Math.round(n * 0.13))],
      ['KURANG', Math.max(0, Math.round(n * 0.05) - headK_)],
      ['SANGAT_KURANG', Math.round(n * 0.02)],
      ['SANGAT_BAIK', Math.round(n * 0.22)],
    ];
    // Fisher–Yates with the seeded generator.
    for (let i = staff.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [staff[i], staff[j]] = [staff[j], staff[i]];
    }
    let i = 0;
    for (const [p, count] of want)
      for (let c = 0; c < count && i < staff.length; c++) out.set(staff[i++], combos.get(p)!);
    for (; i < staff.length; i++) out.set(staff[i], combos.get('BAIK')!);
  }
  return out;
}

// ---- COPY helpers ----------------------------------------------------------------------------

const esc = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
};
const pgArray = (xs: (string | number)[]): string => `{${xs.join(',')}}`;

interface TableLoad {
  table: string;
  columns: string[];
  rows: () => Iterable<unknown[]>;
}

class Progress {
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

async function copyTable(client: Client, t: TableLoad, progress: Progress): Promise<number> {
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

// ---- the generator ---------------------------------------------------------------------------

function periodRefDate(year: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return today < start ? start : today > end ? end : today;
}

export async function seedSynthetic(url: string, o: SyntheticOptions): Promise<SyntheticResult> {
  const started = Date.now();
  await runMigrations(url);
  const rnd = mulberry32(o.seed);
  const org = buildOrg(o.employees, rnd);
  const ratings = rate(org, o.year, rnd);
  const [employeeHash, adminHash] = await Promise.all([hash(SYNTHETIC_PASSWORD), hash(SYNTHETIC_ADMIN.password)]);

  const probe = new Client({ connectionString: url });
  await probe.connect();
  const [{ has }] = (await probe.query(`SELECT to_regclass('public.allowance_rule_sets') IS NOT NULL AS has`)).rows;
  const [{ n: existing }] = (await probe.query(`SELECT count(*)::int AS n FROM employees`)).rows;
  await probe.end();
  if (existing > 0)
    throw new Error(`the database already has ${existing} employees; the generator needs a fresh database`);

  const year = o.year;
  const refDate = periodRefDate(year);
  const ratedAt = `${refDate} 09:00:00+07`;
  const tmtBy = new Map(org.emps.map((e) => [e, e.tmt]));
  const person = (e: Emp) => ({
    nip: e.nip,
    name: e.name,
    positionTitle: e.title,
    positionKind: e.kind,
    jenjang: e.jenjang,
    kelasJabatan: e.kelas,
    golongan: e.golongan,
    unitCode: e.unit.code,
    unitName: e.unit.name,
  });
  // Per employee ids of the SKP tree; drawn in employee order so the output is deterministic.
  const ids = org.emps.map(() => ({
    skp: uuidFrom(rnd),
    r1: uuidFrom(rnd),
    r2: uuidFrom(rnd),
    i1: uuidFrom(rnd),
    i2: uuidFrom(rnd),
    ev: uuidFrom(rnd),
    acct: uuidFrom(rnd),
  }));
  const att = org.emps.map(() => {
    const late = Array.from({ length: rnd() < 0.3 ? 1 + Math.floor(rnd() * 4) : 0 }, () => 5 + Math.floor(rnd() * 90));
    const early = Array.from(
      { length: rnd() < 0.1 ? 1 + Math.floor(rnd() * 2) : 0 },
      () => 10 + Math.floor(rnd() * 60),
    );
    return {
      late,
      early,
      absent: rnd() < 0.05 ? 1 + Math.floor(rnd() * 3) : 0,
      apel: rnd() < 0.15 ? 1 + Math.floor(rnd() * 2) : 0,
    };
  });
  const E = org.emps;
  const idx = E.map((_, i) => i);

  const groupA: TableLoad[] = [
    {
      table: 'units',
      columns: ['id', 'code', 'name', 'parent_id'],
      rows: () => org.units.map((u) => [u.id, u.code, u.name, u.parent?.id ?? null]),
    },
    {
      table: 'employees',
      columns: ['id', 'nip', 'name', 'status'],
      rows: () => E.map((e) => [e.id, e.nip, e.name, e.status]),
    },
    {
      table: 'employee_assignments',
      columns: [
        'employee_id',
        'valid_from',
        'unit_id',
        'golongan',
        'supervisor_id',
        'position_title',
        'position_kind',
        'jenjang',
        'kelas_jabatan',
        'is_unit_head',
        'tmt',
        'reason',
      ],
      rows: () =>
        E.map((e) => [
          e.id,
          tmtBy.get(e),
          e.unit.id,
          e.golongan,
          e.supervisor?.id ?? null,
          e.title,
          e.kind,
          e.jenjang,
          e.kelas,
          e.head ? 't' : 'f',
          tmtBy.get(e),
          'synthetic',
        ]),
    },
    {
      table: 'user_accounts',
      columns: ['id', 'nip', 'password_hash', 'role', 'employee_id'],
      rows: function* () {
        yield [uuidFrom(mulberry32(o.seed + 1)), SYNTHETIC_ADMIN.nip, adminHash, 'ADMIN', null];
        for (const i of idx) yield [ids[i].acct, E[i].nip, employeeHash, 'EMPLOYEE', E[i].id];
      },
    },
    {
      table: 'skp',
      columns: [
        'id',
        'employee_id',
        'year',
        'approach',
        'form_type',
        'status',
        'created_snapshot',
        'approved_snapshot',
        'submitted_at',
        'approved_at',
        'approved_by',
        'version',
        // The BEFORE INSERT trigger that defaults the period does not fire under session_replication_role = replica.
        'period_start',
        'period_end',
      ],
      rows: () =>
        idx.map((i) => {
          const e = E[i];
          const snap = JSON.stringify({
            onDate: `${year}-01-02`,
            employee: person(e),
            ppk: e.supervisor ? person(e.supervisor) : null,
          });
          const jpt = e.kind === 'JPT_MADYA' || e.kind === 'JPT_PRATAMA';
          return [
            ids[i].skp,
            e.id,
            year,
            'KUANTITATIF',
            jpt ? 'JPT' : 'JA_JF',
            'APPROVED',
            snap,
            snap,
            `${year}-01-10 08:00:00+07`,
            `${year}-01-15 08:00:00+07`,
            e.supervisor?.id ?? null,
            3,
            `${year}-01-01`,
            `${year}-12-31`,
          ];
        }),
    },
    {
      table: 'skp_transitions',
      columns: ['skp_id', 'from_status', 'to_status', 'action', 'actor', 'at'],
      rows: function* () {
        for (const i of idx) {
          yield [ids[i].skp, 'DRAFT', 'SUBMITTED', 'SUBMIT', E[i].nip, `${year}-01-10 08:00:00+07`];
          yield [
            ids[i].skp,
            'SUBMITTED',
            'APPROVED',
            'APPROVE',
            E[i].supervisor?.nip ?? 'system',
            `${year}-01-15 08:00:00+07`,
          ];
        }
      },
    },
    {
      table: 'unit_performance',
      columns: ['unit_id', 'period', 'predicate', 'note', 'set_by'],
      rows: () => org.units.map((u) => [u.id, String(year), 'BAIK', 'sintetis / synthetic', 'system']),
    },
  ];
  if (has) {
    groupA.push({
      table: 'attendance_months',
      columns: [
        'employee_id',
        'month',
        'late_minutes',
        'early_leave_minutes',
        'absent_days',
        'missed_apel',
        'updated_by',
      ],
      rows: () =>
        idx.map((i) => [
          E[i].id,
          o.month,
          pgArray(att[i].late),
          pgArray(att[i].early),
          att[i].absent,
          att[i].apel,
          'synthetic',
        ]),
    });
  }
  const groupB: TableLoad[] = [
    {
      table: 'skp_results',
      columns: ['id', 'skp_id', 'position', 'kind', 'text'],
      rows: function* () {
        for (const i of idx) {
          yield [ids[i].r1, ids[i].skp, 1, 'UTAMA', `Terlaksananya layanan ${E[i].unit.name} sesuai standar`];
          yield [ids[i].r2, ids[i].skp, 2, 'UTAMA', 'Tersusunnya laporan kinerja tepat waktu'];
        }
      },
    },
    {
      table: 'skp_indicators',
      columns: ['id', 'result_id', 'position', 'text', 'aspect', 'target'],
      rows: function* () {
        for (const i of idx) {
          yield [ids[i].i1, ids[i].r1, 1, 'Persentase layanan sesuai standar', 'KUALITAS', '95%'];
          yield [ids[i].i2, ids[i].r2, 1, 'Jumlah laporan tepat waktu', 'KUANTITAS', '12 laporan'];
        }
      },
    },
    {
      table: 'skp_behaviors',
      columns: ['skp_id', 'core_value', 'special_expectation'],
      rows: function* () {
        for (const i of idx) for (const v of CORE_VALUES) yield [ids[i].skp, v, null];
      },
    },
    {
      table: 'evaluations',
      columns: [
        'id',
        'skp_id',
        'employee_id',
        'period',
        'period_kind',
        'from_month',
        'to_month',
        'unit_id',
        'is_unit_head',
        'ppk_id',
        'ref_date',
        'status',
        'result_rating',
        'behavior_rating',
        'predicate',
        'explanation',
        'note',
        'rated_at',
        'rated_by',
        'revision',
        'version',
      ],
      rows: () =>
        idx.map((i) => {
          const e = E[i];
          const r = ratings.get(e)!;
          const countedIn = e.head ? (e.unit.parent ?? e.unit) : e.unit;
          return [
            ids[i].ev,
            ids[i].skp,
            e.id,
            String(year),
            'ANNUAL',
            `${year}-01`,
            `${year}-12`,
            countedIn.id,
            e.head ? 't' : 'f',
            e.supervisor?.id ?? null,
            refDate,
            'RATED',
            r.result,
            r.behavior,
            r.predicate,
            r.explanation,
            null,
            ratedAt,
            e.supervisor?.id ?? null,
            0,
            3,
          ];
        }),
    },
    {
      table: 'evaluation_transitions',
      columns: ['evaluation_id', 'from_status', 'to_status', 'action', 'actor', 'revision', 'at'],
      rows: function* () {
        for (const i of idx) {
          yield [ids[i].ev, 'DRAFT', 'SUBMITTED', 'SUBMIT_REALIZATION', E[i].nip, 0, `${refDate} 08:00:00+07`];
          yield [ids[i].ev, 'SUBMITTED', 'RATED', 'RATE', E[i].supervisor?.nip ?? 'system', 0, ratedAt];
        }
      },
    },
    {
      table: 'evaluation_realizations',
      columns: ['evaluation_id', 'indicator_id', 'realization', 'evidence_urls'],
      rows: function* () {
        for (const i of idx) {
          yield [
            ids[i].ev,
            ids[i].i1,
            '96% layanan sesuai standar',
            pgArray([`https://dokumen.example.go.id/${E[i].nip}/layanan.pdf`]),
          ];
          yield [
            ids[i].ev,
            ids[i].i2,
            '12 laporan',
            pgArray([`https://dokumen.example.go.id/${E[i].nip}/laporan.pdf`]),
          ];
        }
      },
    },
  ];
  const expected = org.units.length * 2 + E.length * (1 + 1 + 1 + 1 + 2 + 2 + 2 + 7 + 1 + 2 + 2 + (has ? 1 : 0)) + 1;
  const progress = new Progress(expected, o.progress !== false);
  const tables: Record<string, number> = {};
  const load = async (group: TableLoad[]) => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`SET session_replication_role = replica`);
      await c.query('BEGIN');
      for (const t of group) tables[t.table] = await copyTable(c, t, progress);
      await c.query('COMMIT');
    } finally {
      await c.end();
    }
  };
  await Promise.all([load(groupA), load(groupB)]);
  progress.end();

  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    if (has) {
      // R-TPP-DEMO as the agency default, the same row RuleSetsService.ensureTemplateDefault writes.
      const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM allowance_rule_sets WHERE code = 'R-TPP-DEMO'`))
        .rows;
      if (n === 0) {
        await c.query(
          `INSERT INTO allowance_rule_sets (code, version, effective_from, body, template, overrides, created_by) VALUES ('R-TPP-DEMO', 1, '2025-01-01', $1, 'R-TPP-DEMO', '{}'::jsonb, 'synthetic')`,
          [JSON.stringify({ ...R_TPP_DEMO, version: 1, effectiveFrom: '2025-01-01', effectiveTo: null })],
        );
        await c.query(
          `INSERT INTO allowance_rule_set_assignments (unit_id, code) VALUES (NULL, 'R-TPP-DEMO') ON CONFLICT DO NOTHING`,
        );
        tables.allowance_rule_sets = 1;
      }
    }
    await verify(c);
    await c.query('ANALYZE');
  } finally {
    await c.end();
  }
  const ms = Date.now() - started;
  const jf = E.filter((e) => e.kind === 'FUNGSIONAL').length;
  const predicates: Record<string, number> = {};
  for (const r of ratings.values()) predicates[r.predicate] = (predicates[r.predicate] ?? 0) + 1;
  return {
    rows: Object.values(tables).reduce((a, b) => a + b, 0),
    ms,
    tables,
    units: org.units.length,
    jfShare: jf / E.length,
    pppkShare: E.filter((e) => e.status === 'PPPK').length / E.length,
    predicates,
  };
}

/** The load ran without FK triggers: check every reference the schema declares, in a few set-based queries. */
async function verify(c: Client): Promise<void> {
  const checks: [string, string][] = [
    [
      'assignment → employee/unit/supervisor',
      `SELECT count(*)::int AS n FROM employee_assignments a LEFT JOIN employees e ON e.id = a.employee_id LEFT JOIN units u ON u.id = a.unit_id LEFT JOIN employees s ON s.id = a.supervisor_id WHERE e.id IS NULL OR u.id IS NULL OR (a.supervisor_id IS NOT NULL AND s.id IS NULL)`,
    ],
    [
      'skp → employee',
      `SELECT count(*)::int AS n FROM skp s LEFT JOIN employees e ON e.id = s.employee_id WHERE e.id IS NULL`,
    ],
    [
      'indicator → result → skp',
      `SELECT count(*)::int AS n FROM skp_indicators i LEFT JOIN skp_results r ON r.id = i.result_id LEFT JOIN skp s ON s.id = r.skp_id WHERE s.id IS NULL`,
    ],
    [
      'evaluation → skp/employee/unit',
      `SELECT count(*)::int AS n FROM evaluations v LEFT JOIN skp s ON s.id = v.skp_id AND s.employee_id = v.employee_id LEFT JOIN units u ON u.id = v.unit_id WHERE s.id IS NULL OR u.id IS NULL`,
    ],
    [
      'realisation → indicator',
      `SELECT count(*)::int AS n FROM evaluation_realizations r LEFT JOIN skp_indicators i ON i.id = r.indicator_id WHERE i.id IS NULL`,
    ],
  ];
  for (const [name, sql] of checks) {
    const [{ n }] = (await c.query(sql)).rows;
    if (n !== 0) throw new Error(`synthetic data check failed: ${name} (${n} rows)`);
  }
}

// ---- CLI -------------------------------------------------------------------------------------

export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=');
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
    else out[k] = 'true';
  }
  return out;
}

export function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function currentYearMonth(): { year: number; month: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  return { year: Number(today.slice(0, 4)), month: today.slice(0, 7) };
}

/** npm run seed:synthetic -- --employees 100000 [--seed N] [--year Y] [--month YYYY-MM] [--database-url URL] [--replace] */
export async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const employees = Number(args.employees ?? 100_000);
  const seed = Number(args.seed ?? 1);
  if (!Number.isInteger(employees) || employees < 100) throw new Error('--employees must be an integer ≥ 100');
  const now = currentYearMonth();
  const year = Number(args.year ?? now.year);
  const month = args.month ?? now.month;
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = args['database-url'] ?? withDb(adminUrl, `skp_synth_${employees}_s${seed}`);
  const db = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(db)) throw new Error(`unsupported database name ${db}`);
  const serverUrl = withDb(url, 'postgres');
  if (args.replace === 'true') {
    if (!db.startsWith('skp_synth_')) throw new Error('--replace only drops databases named skp_synth_*');
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
  try {
    await adminQuery(serverUrl, `CREATE DATABASE ${db}`);
  } catch (err) {
    if ((err as { code?: string }).code === '42P04')
      throw new Error(
        `database ${db} exists; the generator builds a fresh one (pass --replace for skp_synth_* names, or another --database-url)`,
        { cause: err },
      );
    throw err;
  }
  process.stderr.write(
    `seed:synthetic: ${employees.toLocaleString('en')} employees, seed ${seed}, year ${year}, attendance ${month} → ${db}\n`,
  );
  const r = await seedSynthetic(url, { employees, seed, year, month });
  console.log(
    `synthetic agency in ${db}: ${employees.toLocaleString('en')} employees, ${r.units} units, JF ${(r.jfShare * 100).toFixed(1)} %, PPPK ${(r.pppkShare * 100).toFixed(1)} %`,
  );
  console.log(
    `  predicates (ANNUAL ${year}, RATED): ${Object.entries(r.predicates)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  rows: ${Object.entries(r.tables)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  ${r.rows.toLocaleString('en')} rows in ${(r.ms / 1000).toFixed(1)} s (migrate + generate + COPY + verify + ANALYZE) = ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en')} rows/s`,
  );
  console.log(
    `  DATABASE_URL=${url}   logins: employees password "${SYNTHETIC_PASSWORD}", ADMIN ${SYNTHETIC_ADMIN.nip} / ${SYNTHETIC_ADMIN.password}`,
  );
}
