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
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { runMigrations } from '../src/database/migrate';
import { R_TPP_DEMO } from '../src/rules';
import { copyTable, Progress, type TableLoad } from './support/synthetic-copy';
import {
  SYNTHETIC_ADMIN,
  SYNTHETIC_PASSWORD,
  buildOrg,
  mulberry32,
  rate,
  uuidFrom,
  type Emp,
} from './support/synthetic-org';
import { syntheticTableLoads } from './support/synthetic-tables';

export { SYNTHETIC_ADMIN, SYNTHETIC_PASSWORD };

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

  const { groupA, groupB } = syntheticTableLoads({
    o,
    org,
    ratings,
    employeeHash,
    adminHash,
    has,
    year,
    refDate,
    ratedAt,
    tmtBy,
    person,
    ids,
    att,
    E,
    idx,
  });
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
