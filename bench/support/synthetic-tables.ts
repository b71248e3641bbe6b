/** The rows of the synthetic agency, table by table, in the two groups the generator COPYs in parallel. */
import { CORE_VALUES, SYNTHETIC_ADMIN, mulberry32, uuidFrom, type Emp, type Org, type Rated } from './synthetic-org';
import { pgArray, type TableLoad } from './synthetic-copy';

/** What the generator has drawn before the rows are written (ids and attendance in employee order). */
export interface SyntheticLoadContext {
  o: { seed: number; month: string };
  org: Org;
  ratings: Map<Emp, Rated>;
  employeeHash: string;
  adminHash: string;
  /** Whether the allowance tables exist (older schemas in a before/after comparison). */
  has: boolean;
  year: number;
  refDate: string;
  ratedAt: string;
  tmtBy: Map<Emp, string>;
  person: (e: Emp) => Record<string, unknown>;
  ids: { skp: string; r1: string; r2: string; i1: string; i2: string; ev: string; acct: string }[];
  att: { late: number[]; early: number[]; absent: number; apel: number }[];
  E: Emp[];
  idx: number[];
}

export function syntheticTableLoads(ctx: SyntheticLoadContext): { groupA: TableLoad[]; groupB: TableLoad[] } {
  const { o, org, ratings, employeeHash, adminHash, has, year, refDate, ratedAt, tmtBy, person, ids, att, E, idx } =
    ctx;
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
  return { groupA, groupB };
}
