/** The synthetic agency's organisation and its ratings, deterministic for a seed (see ../synthetic-agency.ts). */
import { computePredicate, unitHeadPredicate } from '../../src/rules';

export const SYNTHETIC_PASSWORD = 'sintetis-2026';
export const SYNTHETIC_ADMIN = { nip: '190001012000011001', password: 'admin-sintetis-2026' };

// ---- deterministic randomness ----------------------------------------------------------------

export function mulberry32(seed: number): () => number {
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
export function uuidFrom(rnd: () => number): string {
  const b = new Array<number>(16);
  for (let i = 0; i < 16; i++) b[i] = Math.floor(rnd() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h.slice(10).join('')}`;
}

// ---- organisation model ----------------------------------------------------------------------

export type Kind = 'JPT_MADYA' | 'JPT_PRATAMA' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
export interface Unit {
  id: string;
  code: string;
  name: string;
  parent: Unit | null;
}
export interface Emp {
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
export const CORE_VALUES = [
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
];
const JF_SHARE_OF_STAFF = 0.415;
const PPPK_SHARE_OF_PELAKSANA = 0.34;

export interface Org {
  units: Unit[];
  emps: Emp[];
}

export function buildOrg(n: number, rnd: () => number): Org {
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

export type Predicate = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
export interface Rated {
  result: string;
  behavior: string;
  predicate: Predicate;
  explanation: string;
}

/** Predicate per employee, spread per distribution unit so the BAIK pattern of SE 3/2023 holds. */
export function rate(org: Org, year: number, rnd: () => number): Map<Emp, Rated> {
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
