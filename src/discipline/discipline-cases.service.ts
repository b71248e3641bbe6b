import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../authz/access-policy';
import { ApiError, badRequest, conflict, forbidden, notFound, unprocessable } from '../common/api-error';
import { Clock } from '../common/clock';
import { Cursor } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { actorLabel, Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { OutboxService } from '../outbox/outbox.service';
import {
  ATTENDANCE_LADDER_TABLE,
  attendanceLadder,
  classifyNetralitas,
  selectVersion,
  decisionEffectiveDate,
  NETRALITAS_ACTS,
  recommendingBody,
  RuleInputError,
  SANCTION_CATALOGUE,
  type DisciplineLevel,
  type Explanation,
  type NetralitasAct,
  type NetralitasStage,
  type Sanction,
} from '../rules';
import { addMonthsToDate } from '../rules/common/dates';
import { DisciplineCalendar, CompetentOfficials } from './discipline-calendar.service';
import { NeutralityElectionsService } from './neutrality-elections.service';
import {
  CaseKind,
  CaseStatus,
  CompetentOfficial,
  RecommendationLevel,
  sanctionLevel,
  sanctionsOfLevel,
  stepDeadlines,
  Step,
} from './discipline-policy';
import {
  CaseExportQuery,
  CaseListQuery,
  CaseSummaryQuery,
  CreateCaseDto,
  DecisionDto,
  DeliveryDto,
  DismissDto,
  RecommendationDto,
  VerifyDto,
} from './dto/discipline.dto';
import type {
  DisciplineCaseItem,
  DisciplineCasePage,
  DisciplineCaseSummary,
  DisciplineCaseView,
  DisciplineEscalationList,
  DisciplineExportRow,
  DisciplineStepResult,
} from './discipline.views';

/** What a case is opened from (the HTTP call or the attendance scan). */
export interface OpenCaseInput {
  employeeId: string;
  kind: CaseKind;
  act: string | null;
  stage: NetralitasStage | null;
  occurredOn: string;
  reportedOn: string;
  reportedBy: string;
  evidenceUrls: string[];
  description: string | null;
  level?: DisciplineLevel;
  /** NETRALITAS (04 §7): the election named by the reporter, and present only to listen (N05). */
  election?: string | null;
  listeningOnly?: boolean;
  /** minutesPerTmkDay: of the employee's allowance rule set (the scan passes it); absent = the discipline default. */
  attendance?: {
    cumulativeDays: number;
    consecutiveDays?: number;
    lateEarlyMinutes?: number;
    year?: number;
    facts?: unknown;
    minutesPerTmkDay?: number;
  };
}

interface Classification {
  track: 'KODE_ETIK' | 'DISIPLIN' | 'PTDH' | null;
  level: DisciplineLevel | null;
  candidateSanctions: Sanction[];
  manualReview: boolean;
  explanation: Explanation;
  attendanceRung?: number;
}

interface CaseRow {
  id: string;
  number: number;
  employee_id: string;
  kind: CaseKind;
  act: string | null;
  stage: string | null;
  occurred_on: string;
  reported_on: string;
  reported_by: string;
  description: string | null;
  evidence_urls: string[];
  subject: Subject;
  track: string | null;
  level: DisciplineLevel | null;
  candidate_sanctions: Sanction[];
  manual_review: boolean;
  classification: Explanation;
  status: CaseStatus;
  verified_on: string | null;
  recommended_level: RecommendationLevel | null;
  recommended_sanction: Sanction | null;
  recommended_on: string | null;
  competent_officials: CompetentOfficial[];
  competent_official_ids: string[];
  decided_sanction: Sanction | null;
  decided_level: string | null;
  decided_on: string | null;
  decision_ref: string | null;
  decided_by: string | null;
  delivered_on: string | null;
  effective_from: string | null;
  effective_to: string | null;
  effective_explanation: Explanation | null;
  ended_on: string | null;
  dismissed_reason: string | null;
  overdue_steps: string[];
  escalated: boolean;
  attendance_year: number | null;
  attendance_rung: number | null;
  attendance_facts: unknown;
  recommending_body: string | null;
  recommending_body_explanation: Explanation | null;
  election_code: string | null;
  stage_source: 'ELECTION' | 'REPORTED' | null;
  stage_explanation: Explanation | null;
  listening_only: boolean | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface Subject {
  nip: string;
  name: string;
  status: string;
  golongan: string;
  positionTitle: string;
  positionKind: string;
  jenjang: string | null;
  unitCode: string;
  unitName: string;
  agencyCode: string;
  agencyName: string;
}

const D = (col: string, as: string) => `to_char(c.${col},'YYYY-MM-DD') AS ${as}`;
const CASE_SELECT = `SELECT c.id, c.number::int AS number, c.employee_id, c.kind, c.act, c.stage, ${D('occurred_on', 'occurred_on')}, ${D('reported_on', 'reported_on')},
  c.reported_by, c.description, c.evidence_urls, c.subject, c.track, c.level, c.candidate_sanctions, c.manual_review, c.classification, c.status,
  ${D('verified_on', 'verified_on')}, c.recommended_level, c.recommended_sanction, ${D('recommended_on', 'recommended_on')},
  c.competent_officials, c.competent_official_ids::text[] AS competent_official_ids, c.decided_sanction, c.decided_level, ${D('decided_on', 'decided_on')},
  c.decision_ref, c.decided_by, ${D('delivered_on', 'delivered_on')}, ${D('effective_from', 'effective_from')}, ${D('effective_to', 'effective_to')},
  c.effective_explanation, ${D('ended_on', 'ended_on')}, c.dismissed_reason, c.overdue_steps, c.escalated, c.attendance_year, c.attendance_rung,
  c.attendance_facts, c.recommending_body, c.recommending_body_explanation, c.election_code, c.stage_source, c.stage_explanation,
  c.listening_only, c.version, c.created_at, c.updated_at
  FROM discipline_cases c`;

export const caseReference = (n: number) => `DIS-${String(n).padStart(6, '0')}`;

function levelsFor(c: {
  track: string | null;
  level: string | null;
  recommended_level?: string | null;
}): RecommendationLevel[] {
  if (c.recommended_level) return [c.recommended_level as RecommendationLevel];
  if (c.track === 'KODE_ETIK') return ['KODE_ETIK'];
  if (c.track === 'PTDH') return ['PTDH'];
  if (c.level) return [c.level as RecommendationLevel];
  return ['RINGAN', 'SEDANG', 'BERAT'];
}

/** Rows of an UPDATE … RETURNING (the driver returns [rows, affected] for updates). */
function updated<T>(res: unknown): T[] {
  return (Array.isArray(res) && Array.isArray(res[0]) ? res[0] : res) as T[];
}

const officialIds = (o: CompetentOfficial[]) => [
  ...new Set(o.map((x) => x.employeeId).filter((x): x is string => !!x)),
];

/**
 * Discipline and netralitas cases (issue 8; spec 03 §12–§13): report → classification → verify →
 * recommendation → decision by the competent official → delivery → effective (background) → ended.
 * Every write is audited; decisions and effective dates are outbox events for the background effects.
 */
@Injectable()
export class DisciplineCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgDirectory,
    private readonly officials: CompetentOfficials,
    private readonly calendar: DisciplineCalendar,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly elections: NeutralityElectionsService,
  ) {}

  // ---- classification -------------------------------------------------------------------------

  classify(input: OpenCaseInput): Classification {
    try {
      if (input.kind === 'NETRALITAS') {
        if (!input.act || !(NETRALITAS_ACTS as readonly string[]).includes(input.act)) {
          throw badRequest('Data tidak valid / invalid input', [
            { field: 'act', problem: `must be one of ${NETRALITAS_ACTS.join(', ')} for NETRALITAS` },
          ]);
        }
        if (!input.stage)
          throw badRequest('Data tidak valid / invalid input', [
            { field: 'stage', problem: 'BAKAL_CALON or CALON is required for NETRALITAS' },
          ]);
        const r = classifyNetralitas({ act: input.act as NetralitasAct, stage: input.stage, onDate: input.occurredOn });
        return {
          track: r.track,
          level: r.level,
          candidateSanctions: r.candidateSanctions,
          manualReview: r.manualReview,
          explanation: r.explanation,
        };
      }
      if (input.kind === 'ATTENDANCE') {
        if (!input.attendance)
          throw badRequest('Data tidak valid / invalid input', [
            {
              field: 'attendance',
              problem: 'cumulativeDays (and optionally consecutiveDays, lateEarlyMinutes) is required for ATTENDANCE',
            },
          ]);
        const a = input.attendance;
        const r = attendanceLadder(
          {
            cumulativeDays: a.cumulativeDays,
            consecutiveDays: a.consecutiveDays,
            lateEarlyMinutes: a.lateEarlyMinutes,
            onDate: input.occurredOn,
          },
          a.minutesPerTmkDay === undefined ? undefined : { minutesPerTmkDay: a.minutesPerTmkDay },
        );
        if (!r.opensCase || !r.level || !r.sanction) {
          throw unprocessable(
            `Belum mencapai ambang tangga kehadiran PP 94/2021 (${r.equivalentDays} hari) / below the first rung of the attendance ladder`,
            [{ field: 'attendance.cumulativeDays', problem: r.explanation.formula }],
          );
        }
        // The rung crossed (its first day count; 1000 = consecutive-days PDHTAPS): one automatic case per rung and year.
        const rung = r.salaryStopNextMonth
          ? 1000
          : selectVersion(ATTENDANCE_LADDER_TABLE, input.occurredOn).data.rungs.find((x) => x.sanction === r.sanction)!
              .fromDays;
        return {
          track: 'DISIPLIN',
          level: r.level,
          candidateSanctions: [r.sanction],
          manualReview: false,
          explanation: r.explanation,
          attendanceRung: rung,
        };
      }
      const level = input.level ?? null;
      return {
        track: 'DISIPLIN',
        level,
        candidateSanctions: level
          ? sanctionsOfLevel(level)
          : [...sanctionsOfLevel('RINGAN'), ...sanctionsOfLevel('SEDANG'), ...sanctionsOfLevel('BERAT')],
        manualReview: level === null,
        explanation: {
          ruleId: 'discipline.other',
          legalBasis: 'PP 94/2021 Pasal 8 (jenis hukuman disiplin per tingkat)',
          status: 'INFERRED',
          inputs: { act: input.act, level },
          formula: level
            ? `tingkat ${level} (usulan pelapor) → pilihan hukuman ${sanctionsOfLevel(level).join(', ')}`
            : 'tingkat belum ditentukan: diperiksa atasan / Tim Pemeriksa',
        },
      };
    } catch (err) {
      if (err instanceof RuleInputError)
        throw unprocessable(`Klasifikasi tidak dapat dihitung / cannot classify: ${err.message}`, [
          { field: err.field ?? 'act', problem: err.message },
        ]);
      throw err;
    }
  }

  // ---- create ---------------------------------------------------------------------------------

  async create(p: Principal, dto: CreateCaseDto): Promise<DisciplineCaseView> {
    this.policy.requireAdmin(p);
    const today = this.clock.today();
    if (dto.occurredOn > today)
      throw unprocessable('Tanggal kejadian di masa depan / occurredOn is in the future', [
        { field: 'occurredOn', problem: `after today (${today})` },
      ]);
    const reportedOn = dto.reportedOn ?? today;
    if (reportedOn < dto.occurredOn || reportedOn > today)
      throw unprocessable('Tanggal laporan tidak valid / reportedOn must be between occurredOn and today', [
        { field: 'reportedOn', problem: `must be ${dto.occurredOn}..${today}` },
      ]);
    if (dto.kind !== 'NETRALITAS' && dto.stage)
      throw badRequest('Data tidak valid / invalid input', [{ field: 'stage', problem: 'only for NETRALITAS' }]);
    if (dto.kind !== 'OTHER' && dto.level)
      throw badRequest('Data tidak valid / invalid input', [
        { field: 'level', problem: 'only for OTHER (NETRALITAS and ATTENDANCE are classified by the rules)' },
      ]);
    if (dto.kind !== 'ATTENDANCE' && dto.attendance)
      throw badRequest('Data tidak valid / invalid input', [{ field: 'attendance', problem: 'only for ATTENDANCE' }]);
    if (dto.kind !== 'NETRALITAS' && (dto.election || dto.listeningOnly !== undefined))
      throw badRequest('Data tidak valid / invalid input', [
        { field: dto.election ? 'election' : 'listeningOnly', problem: 'only for NETRALITAS' },
      ]);
    if (dto.listeningOnly && dto.act !== 'N05')
      throw badRequest('Data tidak valid / invalid input', [
        { field: 'listeningOnly', problem: 'only for act N05 (attending a campaign), 04 §7' },
      ]);
    const emp: { id: string }[] = await this.dataSource.query(`SELECT id FROM employees WHERE nip = $1`, [dto.nip]);
    if (!emp[0])
      throw unprocessable(`Pegawai ${dto.nip} tidak dikenal / unknown NIP`, [{ field: 'nip', problem: 'unknown NIP' }]);
    const id = await this.dataSource.transaction((m) =>
      this.open(m, {
        employeeId: emp[0].id,
        kind: dto.kind,
        act: dto.act ?? (dto.kind === 'ATTENDANCE' ? 'TK' : null),
        stage: dto.stage ?? null,
        occurredOn: dto.occurredOn,
        reportedOn,
        reportedBy: dto.reportedBy,
        evidenceUrls: dto.evidenceUrls ?? [],
        description: dto.description ?? null,
        level: dto.level,
        election: dto.election ?? null,
        listeningOnly: dto.listeningOnly ?? false,
        attendance: dto.attendance ? { ...dto.attendance, year: Number(dto.occurredOn.slice(0, 4)) } : undefined,
      }),
    );
    return this.get(p, id!);
  }

  /** Opens a case in the caller's transaction. Returns null when an automatic attendance case for the rung already exists. */
  async open(m: EntityManager, input: OpenCaseInput, auto = false): Promise<string | null> {
    const today = this.clock.today();
    // 04 §7: stage from the election's penetapan date, recommending body of the act date.
    const nf =
      input.kind === 'NETRALITAS'
        ? await this.elections.facts(m, {
            occurredOn: input.occurredOn,
            stage: input.stage,
            election: input.election,
            listeningOnly: input.listeningOnly ?? false,
          })
        : null;
    if (nf) input = { ...input, stage: nf.stage };
    const cls = this.classify(input);
    const snap =
      (await this.org.snapshotById(input.employeeId, input.occurredOn, m)) ??
      (await this.org.snapshotById(input.employeeId, today, m));
    if (!snap)
      throw unprocessable(
        `Pegawai tidak memiliki jabatan pada ${input.occurredOn} / the employee held no position on that date`,
        [{ field: 'occurredOn', problem: 'no assignment' }],
      );
    const [agency]: { code: string; name: string }[] = await m.query(
      `WITH RECURSIVE up AS (SELECT id, code, name, parent_id FROM units WHERE id = $1 UNION ALL SELECT u.id, u.code, u.name, u.parent_id FROM units u JOIN up ON u.id = up.parent_id)
       SELECT code, name FROM up WHERE parent_id IS NULL LIMIT 1`,
      [snap.unitId],
    );
    const subject: Subject = {
      nip: snap.nip,
      name: snap.name,
      status: snap.status,
      golongan: snap.golongan,
      positionTitle: snap.positionTitle,
      positionKind: snap.positionKind,
      jenjang: snap.jenjang,
      unitCode: snap.unitCode,
      unitName: snap.unitName,
      agencyCode: agency?.code ?? snap.unitCode,
      agencyName: agency?.name ?? snap.unitName,
    };
    const officials = await this.officials.forLevels(input.employeeId, subject, levelsFor(cls), today, m);
    const status: CaseStatus = 'REPORTED';
    const deadlines = stepDeadlines(
      {
        kind: input.kind,
        status,
        reportedOn: input.reportedOn,
        verifiedOn: null,
        recommendedOn: null,
        decidedOn: null,
        deliveredOn: null,
      },
      today,
      [],
    );
    const rows: { id: string; number: number }[] = await m.query(
      `INSERT INTO discipline_cases (employee_id, kind, act, stage, occurred_on, reported_on, reported_by, description, evidence_urls, subject, unit_id,
         track, level, candidate_sanctions, manual_review, classification, status, competent_officials, competent_official_ids, deadlines,
         attendance_year, attendance_rung, attendance_facts,
         recommending_body, recommending_body_explanation, election_code, stage_source, stage_explanation, listening_only)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19::uuid[],$20,$21,$22,$23,$24,$25,$26,$27,$28,$29)
       ON CONFLICT (employee_id, attendance_year, attendance_rung) WHERE attendance_rung IS NOT NULL DO NOTHING
       RETURNING id, number::int AS number`,
      [
        input.employeeId,
        input.kind,
        input.act,
        input.stage,
        input.occurredOn,
        input.reportedOn,
        input.reportedBy,
        input.description,
        JSON.stringify(input.evidenceUrls),
        JSON.stringify(subject),
        snap.unitId,
        cls.track,
        cls.level,
        JSON.stringify(cls.candidateSanctions),
        cls.manualReview,
        JSON.stringify(cls.explanation),
        status,
        JSON.stringify(officials),
        officialIds(officials),
        JSON.stringify(deadlines),
        auto ? (input.attendance?.year ?? null) : null,
        auto ? (cls.attendanceRung ?? null) : null,
        input.attendance ? JSON.stringify(input.attendance) : null,
        nf?.recommendingBody ?? null,
        nf ? JSON.stringify(nf.recommendingBodyExplanation) : null,
        nf?.electionCode ?? null,
        nf?.stageSource ?? null,
        nf ? JSON.stringify(nf.stageExplanation) : null,
        nf ? nf.listeningOnly : null,
      ],
    );
    if (!rows[0]) return null;
    const id = rows[0].id;
    await this.history(m, id, null, status, auto ? 'AUTO_OPEN' : 'REPORT', input.reportedBy);
    await this.audit.record(m, {
      action: auto ? 'discipline.case.auto-open' : 'discipline.case.create',
      entityType: 'DisciplineCase',
      entityId: id,
      before: null,
      after: {
        number: rows[0].number,
        nip: subject.nip,
        kind: input.kind,
        act: input.act,
        stage: input.stage,
        occurredOn: input.occurredOn,
        track: cls.track,
        level: cls.level,
        ...(nf
          ? { recommendingBody: nf.recommendingBody, election: nf.electionCode, listeningOnly: nf.listeningOnly }
          : {}),
      },
    });
    await this.outbox.add(m, {
      type: 'DisciplineCaseOpened',
      aggregateType: 'DisciplineCase',
      aggregateId: id,
      payload: { caseId: id },
      dedupeKey: `discipline-opened:${id}`,
    });
    return id;
  }

  // ---- workflow -------------------------------------------------------------------------------

  async verify(p: Principal, id: string, dto: VerifyDto): Promise<DisciplineStepResult> {
    return this.step(p, id, async (m, c, rel) => {
      if (!rel.has('ADMIN'))
        throw forbidden('Hanya admin kepegawaian / Satgas yang memverifikasi / only an ADMIN verifies');
      this.requireStatus(c, ['REPORTED'], 'verify');
      const on = dto.verifiedOn ?? this.clock.today();
      this.requireDate(on, c.reported_on, 'verifiedOn');
      await this.update(m, c, 'VERIFIED', 'VERIFY', dto.note ?? null, { verified_on: on });
    });
  }

  async recommend(p: Principal, id: string, dto: RecommendationDto): Promise<DisciplineStepResult> {
    return this.step(p, id, async (m, c, rel) => {
      if (!rel.has('ADMIN'))
        throw forbidden('Hanya admin kepegawaian yang mencatat rekomendasi / only an ADMIN records the recommendation');
      this.requireStatus(c, ['VERIFIED'], 'recommend');
      const on = dto.recommendedOn ?? this.clock.today();
      this.requireDate(on, c.verified_on!, 'recommendedOn');
      this.requireSanctionOfLevel(dto.level, dto.sanction);
      const expected: RecommendationLevel | null =
        c.track === 'KODE_ETIK' ? 'KODE_ETIK' : c.track === 'PTDH' ? 'PTDH' : c.level;
      if (expected && dto.level !== expected) {
        throw unprocessable(
          `Klasifikasi kasus menetapkan ${expected}; rekomendasi ${dto.level} tidak sesuai matriks/tangga (03 §12.2, §13.2) / the classification fixes the level at ${expected}`,
          [{ field: 'level', problem: `must be ${expected} (classification of the case)` }],
        );
      }
      const officials = await this.officials.forLevels(c.employee_id, c.subject, [dto.level], this.clock.today(), m);
      await this.update(m, c, 'RECOMMENDED', 'RECOMMEND', dto.note ?? null, {
        recommended_level: dto.level,
        recommended_sanction: dto.sanction,
        recommended_on: on,
        competent_officials: JSON.stringify(officials),
        competent_official_ids: officialIds(officials),
      });
    });
  }

  async decide(p: Principal, id: string, dto: DecisionDto): Promise<DisciplineStepResult> {
    return this.step(p, id, async (m, c, rel) => {
      this.requireStatus(c, ['RECOMMENDED'], 'decide');
      const level = c.recommended_level!;
      this.requireSanctionOfLevel(level, dto.sanction, 'sanction');
      const today = this.clock.today();
      if (dto.decidedOn > today)
        throw unprocessable('Tanggal SK di masa depan / decidedOn is in the future', [
          { field: 'decidedOn', problem: `after today (${today})` },
        ]);
      this.requireDate(dto.decidedOn, c.recommended_on!, 'decidedOn');
      const officials = await this.officials.forLevels(c.employee_id, c.subject, [level], today, m);
      const competent = officials[0];
      const isOfficial = p.kind === 'user' && !!p.employeeId && p.employeeId === competent.employeeId;
      if (!rel.has('ADMIN') && !isOfficial) {
        throw forbidden(
          `Hanya pejabat yang berwenang menghukum (${competent.role}${competent.name ? `: ${competent.name}` : ''}) atau admin atas namanya yang dapat menetapkan / only the competent official (or an ADMIN on their behalf) decides`,
        );
      }
      await this.update(
        m,
        c,
        'DECIDED',
        'DECIDE',
        dto.note ??
          (rel.has('ADMIN') && !isOfficial
            ? `dicatat admin atas nama ${competent.role}${competent.name ? ` ${competent.name}` : ''}`
            : null),
        {
          decided_sanction: dto.sanction,
          decided_level: sanctionLevel(dto.sanction),
          decided_on: dto.decidedOn,
          decision_ref: dto.decisionRef ?? null,
          decided_by: actorLabel(p).actor,
          competent_officials: JSON.stringify(officials),
          competent_official_ids: officialIds(officials),
        },
      );
      await this.outbox.add(m, {
        type: 'DisciplineDecided',
        aggregateType: 'DisciplineCase',
        aggregateId: c.id,
        payload: { caseId: c.id },
        dedupeKey: `discipline-decided:${c.id}`,
      });
    });
  }

  async deliver(p: Principal, id: string, dto: DeliveryDto): Promise<DisciplineStepResult> {
    return this.step(p, id, async (m, c, rel) => {
      if (!rel.has('ADMIN') && !rel.has('OFFICIAL'))
        throw forbidden(
          'Hanya admin atau pejabat yang berwenang yang mencatat penyampaian SK / only an ADMIN or the competent official records delivery',
        );
      this.requireStatus(c, ['DECIDED'], 'deliver');
      const today = this.clock.today();
      if (dto.deliveredOn > today)
        throw unprocessable('Tanggal penyampaian di masa depan / deliveredOn is in the future', [
          { field: 'deliveredOn', problem: `after today (${today})` },
        ]);
      this.requireDate(dto.deliveredOn, c.decided_on!, 'deliveredOn');
      const eff = decisionEffectiveDate({
        deliveredOn: dto.deliveredOn,
        holidays: await this.calendar.holidaysAfter(dto.deliveredOn, m),
      });
      const months = SANCTION_CATALOGUE[c.decided_sanction!].months;
      const permanent = c.decided_sanction === 'PDHTAPS' || c.decided_sanction === 'PTDH';
      const effectiveTo = permanent ? null : months ? addMonthsToDate(eff.effectiveFrom, months) : eff.effectiveFrom;
      await this.update(m, c, 'DELIVERED', 'DELIVER', null, {
        delivered_on: dto.deliveredOn,
        effective_from: eff.effectiveFrom,
        effective_to: effectiveTo,
        effective_explanation: JSON.stringify(eff.explanation),
      });
      await this.advanceDue(m, today, c.id);
    });
  }

  async dismiss(p: Principal, id: string, dto: DismissDto): Promise<DisciplineStepResult> {
    return this.step(p, id, async (m, c, rel) => {
      if (!rel.has('ADMIN'))
        throw forbidden('Hanya admin kepegawaian yang menutup kasus / only an ADMIN dismisses a case');
      this.requireStatus(c, ['REPORTED', 'VERIFIED', 'RECOMMENDED'], 'dismiss');
      await this.update(m, c, 'DISMISSED', 'DISMISS', dto.reason, { dismissed_reason: dto.reason });
      await m.query(`UPDATE discipline_escalations SET resolved_on = $2 WHERE case_id = $1 AND resolved_on IS NULL`, [
        c.id,
        this.clock.today(),
      ]);
    });
  }

  /**
   * Background progression (the sweep job and backdated deliveries): DELIVERED cases whose effective
   * date has come become EFFECTIVE (event DisciplineEffective → effects), EFFECTIVE ones past their end
   * become ENDED (event DisciplineEnded). Returns the ids moved.
   */
  async advanceDue(
    m: EntityManager,
    today: string,
    onlyId?: string,
  ): Promise<{ effective: string[]; ended: string[] }> {
    const effective = updated<{ id: string; employee_id: string }>(
      await m.query(
        `UPDATE discipline_cases SET status = 'EFFECTIVE', version = version + 1, updated_at = now()
        WHERE status = 'DELIVERED' AND effective_from <= $1::date ${onlyId ? 'AND id = $2' : ''} RETURNING id, employee_id`,
        onlyId ? [today, onlyId] : [today],
      ),
    );
    for (const r of effective) {
      await this.history(m, r.id, 'DELIVERED', 'EFFECTIVE', 'EFFECTIVE', 'system');
      await this.outbox.add(m, {
        type: 'DisciplineEffective',
        aggregateType: 'DisciplineCase',
        aggregateId: r.id,
        payload: { caseId: r.id, employeeId: r.employee_id, cause: `hukdis:${r.id}` },
        dedupeKey: `discipline-effective:${r.id}`,
      });
    }
    const ended = updated<{ id: string; employee_id: string }>(
      await m.query(
        `UPDATE discipline_cases SET status = 'ENDED', ended_on = effective_to, version = version + 1, updated_at = now()
        WHERE status = 'EFFECTIVE' AND effective_to IS NOT NULL AND effective_to <= $1::date ${onlyId ? 'AND id = $2' : ''} RETURNING id, employee_id`,
        onlyId ? [today, onlyId] : [today],
      ),
    );
    for (const r of ended) {
      await this.history(m, r.id, 'EFFECTIVE', 'ENDED', 'END', 'system');
      await this.outbox.add(m, {
        type: 'DisciplineEnded',
        aggregateType: 'DisciplineCase',
        aggregateId: r.id,
        payload: { caseId: r.id, employeeId: r.employee_id, cause: `hukdis-ended:${r.id}` },
        dedupeKey: `discipline-ended:${r.id}`,
      });
    }
    return { effective: effective.map((r) => r.id), ended: ended.map((r) => r.id) };
  }

  /**
   * Overdue steps and escalations (the sweep job): recomputes each open case's deadlines; a
   * recommendation not acted on by its deadline creates one escalation record (SBT follow-up,
   * SIASN block step) and a DisciplineDeadlineMissed event per missed step.
   */
  async flagOverdue(m: EntityManager, today: string, limit = 5000): Promise<{ flagged: number; escalated: number }> {
    const open: CaseRow[] = await m.query(
      `${CASE_SELECT} WHERE c.status IN ('REPORTED','VERIFIED','RECOMMENDED','DECIDED') ORDER BY c.created_at LIMIT $1`,
      [limit],
    );
    if (open.length === 0) return { flagged: 0, escalated: 0 };
    const minDate = open.reduce((a, c) => (c.reported_on < a ? c.reported_on : a), today);
    const holidays = await this.calendar.holidays(minDate, `${Number(today.slice(0, 4)) + 1}-12-31`, m);
    let flagged = 0;
    let escalated = 0;
    for (const c of open) {
      const dl = stepDeadlines(this.dates(c), today, holidays);
      const overdue = (Object.keys(dl) as Step[]).filter((s) => dl[s].overdue);
      const changed = overdue.join(',') !== (c.overdue_steps ?? []).join(',');
      if (changed) {
        flagged++;
        await m.query(`UPDATE discipline_cases SET overdue_steps = $2, deadlines = $3 WHERE id = $1`, [
          c.id,
          overdue,
          JSON.stringify(dl),
        ]);
        for (const s of overdue.filter((x) => !(c.overdue_steps ?? []).includes(x))) {
          await this.outbox.add(m, {
            type: 'DisciplineDeadlineMissed',
            aggregateType: 'DisciplineCase',
            aggregateId: c.id,
            payload: { caseId: c.id, step: s },
            dedupeKey: `discipline-overdue:${c.id}:${s}`,
          });
        }
      }
      if (dl.decide.overdue) {
        const ins = await m.query(
          `INSERT INTO discipline_escalations (case_id, step, kind, due_on, detected_on) VALUES ($1, 'decide', 'SIASN_BLOCK', $2, $3)
           ON CONFLICT (case_id, step) DO NOTHING RETURNING id`,
          [c.id, dl.decide.dueOn, today],
        );
        if (ins.length) {
          escalated++;
          await m.query(`UPDATE discipline_cases SET escalated = true WHERE id = $1`, [c.id]);
          await this.history(
            m,
            c.id,
            c.status,
            c.status,
            'ESCALATE',
            'system',
            `rekomendasi tidak ditindaklanjuti sampai ${dl.decide.dueOn}: eskalasi SBT, blokir layanan SIASN instansi (03 §13.3)`,
          );
          await this.audit.record(m, {
            action: 'discipline.case.escalate',
            entityType: 'DisciplineCase',
            entityId: c.id,
            after: { step: 'decide', kind: 'SIASN_BLOCK', dueOn: dl.decide.dueOn },
          });
        }
      }
    }
    return { flagged, escalated };
  }

  // ---- reads ----------------------------------------------------------------------------------

  async get(p: Principal, id: string): Promise<DisciplineCaseView> {
    const c = await this.load(this.dataSource.manager, id, false);
    this.policy.requireCaseVisible(p, { employeeId: c.employee_id, competentOfficialIds: c.competent_official_ids });
    return this.view(this.dataSource.manager, c, true);
  }

  async list(p: Principal, q: CaseListQuery): Promise<DisciplineCasePage> {
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after) as [number] | null;
    const { where, params } = this.filters(q);
    const scope = this.policy.caseListScope(
      p,
      { employeeId: 'c.employee_id', officialIds: 'c.competent_official_ids' },
      params.length + 1,
    );
    params.push(...scope.params);
    where.push(scope.sql);
    if (after) {
      if (!Number.isInteger(after[0]))
        throw badRequest('Cursor tidak valid / invalid cursor', [
          { field: 'after', problem: 'is not a cursor returned by this API' },
        ]);
      where.push(`c.number > $${params.push(after[0])}`);
    }
    // Keyset on the case number (unique, increasing): exact, unlike timestamps rounded in a cursor.
    const rows: CaseRow[] = await this.dataSource.query(
      `${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.number LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const items: DisciplineCaseItem[] = [];
    for (const c of page) items.push(await this.view(this.dataSource.manager, c, false));
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > limit && last ? Cursor.encode([last.number]) : null };
  }

  /** Rows for the national sharing system (SBT): one per case, the fields BKN asks for. */
  async exportRows(q: CaseExportQuery): Promise<DisciplineExportRow[]> {
    const { where, params } = this.filters(q);
    const rows: CaseRow[] = await this.dataSource.query(
      `${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.occurred_on, c.number LIMIT 100000`,
      params,
    );
    return rows.map((c) => ({
      caseReference: caseReference(c.number),
      nip: c.subject.nip,
      name: c.subject.name,
      agencyCode: c.subject.agencyCode,
      agencyName: c.subject.agencyName,
      unitCode: c.subject.unitCode,
      unitName: c.subject.unitName,
      positionTitle: c.subject.positionTitle,
      kind: c.kind,
      act: c.act,
      stage: c.stage,
      recommendingBody: c.kind === 'NETRALITAS' ? NeutralityElectionsService.view(c).recommendingBody.body : null,
      listeningOnly: c.listening_only,
      occurredOn: c.occurred_on,
      reportedOn: c.reported_on,
      reportedBy: c.reported_by,
      verifiedOn: c.verified_on,
      recommendedOn: c.recommended_on,
      decidedOn: c.decided_on,
      deliveredOn: c.delivered_on,
      effectiveFrom: c.effective_from,
      effectiveTo: c.effective_to,
      track: c.track,
      level: c.decided_level ?? c.recommended_level ?? c.level,
      sanction: c.decided_sanction ?? c.recommended_sanction,
      sanctionDecided: c.decided_sanction !== null,
      status: c.status,
      decisionRef: c.decision_ref,
      overdueSteps: (c.overdue_steps ?? []).join('|'),
      escalated: c.escalated,
    }));
  }

  /** Counts per unit (the unit when the act occurred) and status for an election period. */
  async summary(q: CaseSummaryQuery): Promise<DisciplineCaseSummary> {
    if (q.from > q.to)
      throw badRequest('Data tidak valid / invalid input', [{ field: 'to', problem: 'must not be before from' }]);
    const kind = q.kind ?? 'NETRALITAS';
    const { where, params } = this.filters({ ...q, kind });
    const rows: { unit_code: string; unit_name: string; status: string; n: number }[] = await this.dataSource.query(
      `SELECT c.subject->>'unitCode' AS unit_code, c.subject->>'unitName' AS unit_name, c.status, count(*)::int AS n
         FROM discipline_cases c WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3 ORDER BY 1, 3`,
      params,
    );
    const [esc]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM discipline_cases c WHERE ${where.join(' AND ')} AND c.escalated`,
      params,
    );
    const byRecommendingBody: Record<string, number> = {};
    if (kind === 'NETRALITAS') {
      const bodies: { body: string | null; d: string | null; n: number }[] = await this.dataSource.query(
        `SELECT c.recommending_body AS body, CASE WHEN c.recommending_body IS NULL THEN to_char(c.occurred_on,'YYYY-MM-DD') END AS d, count(*)::int AS n
           FROM discipline_cases c WHERE ${where.join(' AND ')} GROUP BY 1, 2`,
        params,
      );
      for (const r of bodies) {
        const body = r.body ?? recommendingBody({ date: r.d! }).body;
        byRecommendingBody[body] = (byRecommendingBody[body] ?? 0) + r.n;
      }
    }
    const byUnit = new Map<
      string,
      { unitCode: string; unitName: string; counts: Record<string, number>; total: number }
    >();
    const byStatus: Record<string, number> = {};
    let total = 0;
    for (const r of rows) {
      const u = byUnit.get(r.unit_code) ?? { unitCode: r.unit_code, unitName: r.unit_name, counts: {}, total: 0 };
      u.counts[r.status] = (u.counts[r.status] ?? 0) + r.n;
      u.total += r.n;
      byUnit.set(r.unit_code, u);
      byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
      total += r.n;
    }
    return {
      kind,
      from: q.from,
      to: q.to,
      unitCode: q.unitCode ?? null,
      total,
      escalated: esc.n,
      byStatus,
      byUnit: [...byUnit.values()],
      byRecommendingBody,
    };
  }

  async escalations(limit = 1000): Promise<DisciplineEscalationList> {
    const items = await this.dataSource.query(
      `SELECT e.id, e.case_id AS "caseId", 'DIS-' || lpad(c.number::text, 6, '0') AS "caseReference", c.subject->>'nip' AS nip, c.subject->>'unitCode' AS "unitCode",
              e.step, e.kind, to_char(e.due_on,'YYYY-MM-DD') AS "dueOn", to_char(e.detected_on,'YYYY-MM-DD') AS "detectedOn", to_char(e.resolved_on,'YYYY-MM-DD') AS "resolvedOn"
         FROM discipline_escalations e JOIN discipline_cases c ON c.id = e.case_id ORDER BY e.created_at DESC LIMIT $1`,
      [limit],
    );
    return { items };
  }

  // ---- helpers --------------------------------------------------------------------------------

  private filters(q: { kind?: string; status?: string; unitCode?: string; from?: string; to?: string; nip?: string }): {
    where: string[];
    params: unknown[];
  } {
    const where: string[] = ['TRUE'];
    const params: unknown[] = [];
    if (q.kind) where.push(`c.kind = $${params.push(q.kind)}`);
    if (q.status) where.push(`c.status = $${params.push(q.status)}`);
    if (q.from) where.push(`c.occurred_on >= $${params.push(q.from)}::date`);
    if (q.to) where.push(`c.occurred_on <= $${params.push(q.to)}::date`);
    if (q.nip) where.push(`c.subject->>'nip' = $${params.push(q.nip)}`);
    if (q.unitCode) {
      where.push(
        `c.unit_id IN (WITH RECURSIVE t AS (SELECT id FROM units WHERE code = $${params.push(q.unitCode)} UNION ALL SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t)`,
      );
    }
    return { where, params };
  }

  private async step(
    p: Principal,
    id: string,
    fn: (m: EntityManager, c: CaseRow, rel: Set<'ADMIN' | 'OFFICIAL' | 'SELF'>) => Promise<void>,
  ) {
    await this.dataSource.transaction(async (m) => {
      const c = await this.load(m, id, true);
      const rel = this.policy.requireCaseVisible(p, {
        employeeId: c.employee_id,
        competentOfficialIds: c.competent_official_ids,
      });
      await fn(m, c, rel);
    });
    return this.get(p, id).catch((err) => {
      // The caller may no longer be a named official after the step (e.g. the level changed): return what they did.
      if (err instanceof ApiError && err.getStatus() === (HttpStatus.NOT_FOUND as number))
        return { id, status: 'UPDATED' as const };
      throw err;
    });
  }

  private async load(m: EntityManager, id: string, lock: boolean): Promise<CaseRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound('Kasus');
    const rows: CaseRow[] = await m.query(`${CASE_SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!rows[0]) throw notFound('Kasus');
    return rows[0];
  }

  private requireStatus(c: CaseRow, allowed: CaseStatus[], verb: string): void {
    if (!allowed.includes(c.status)) {
      throw conflict(
        `Kasus berstatus ${c.status}; langkah "${verb}" hanya dari ${allowed.join('/')} / wrong workflow state`,
        [{ field: 'status', problem: `is ${c.status}, must be ${allowed.join(' or ')}` }],
      );
    }
  }

  private requireDate(on: string, notBefore: string, field: string): void {
    const today = this.clock.today();
    if (on < notBefore || on > today)
      throw unprocessable(`Tanggal ${field} harus antara ${notBefore} dan ${today} / ${field} out of range`, [
        { field, problem: `must be ${notBefore}..${today}` },
      ]);
  }

  private requireSanctionOfLevel(level: RecommendationLevel, sanction: Sanction, field = 'sanction'): void {
    const menu = sanctionsOfLevel(level);
    if (!menu.includes(sanction)) {
      throw unprocessable(
        `Hukuman ${sanction} bukan jenis hukuman tingkat ${level}; pilihan: ${menu.join(', ')} / the sanction does not belong to the level`,
        [{ field, problem: `must be one of ${menu.join(', ')}` }],
      );
    }
  }

  private dates(c: CaseRow) {
    return {
      kind: c.kind,
      status: c.status,
      reportedOn: c.reported_on,
      verifiedOn: c.verified_on,
      recommendedOn: c.recommended_on,
      decidedOn: c.decided_on,
      deliveredOn: c.delivered_on,
    };
  }

  private async update(
    m: EntityManager,
    c: CaseRow,
    to: CaseStatus,
    action: string,
    note: string | null,
    patch: Record<string, unknown>,
  ): Promise<void> {
    const cols = Object.keys(patch);
    const sets = cols.map((k, i) => `${k} = $${i + 3}${k === 'competent_official_ids' ? '::uuid[]' : ''}`);
    await m.query(
      `UPDATE discipline_cases SET status = $2, ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
      [c.id, to, ...cols.map((k) => patch[k])],
    );
    const pick = (k: string, cur: string | null) => (k in patch ? (patch[k] as string | null) : cur);
    const after = {
      status: to,
      ...Object.fromEntries(cols.filter((k) => !k.startsWith('competent_official')).map((k) => [k, patch[k]])),
    };
    const holidays = await this.calendar.holidays(
      c.reported_on,
      `${Number(this.clock.today().slice(0, 4)) + 1}-12-31`,
      m,
    );
    const d = stepDeadlines(
      {
        kind: c.kind,
        status: to,
        reportedOn: c.reported_on,
        verifiedOn: pick('verified_on', c.verified_on),
        recommendedOn: pick('recommended_on', c.recommended_on),
        decidedOn: pick('decided_on', c.decided_on),
        deliveredOn: pick('delivered_on', c.delivered_on),
      },
      this.clock.today(),
      holidays,
    );
    const overdue = (Object.keys(d) as Step[]).filter((s) => d[s].overdue);
    await m.query(`UPDATE discipline_cases SET deadlines = $2, overdue_steps = $3 WHERE id = $1`, [
      c.id,
      JSON.stringify(d),
      overdue,
    ]);
    // The recommendation was acted on: an open escalation for it is resolved.
    if (to === 'DECIDED')
      await m.query(`UPDATE discipline_escalations SET resolved_on = $2 WHERE case_id = $1 AND resolved_on IS NULL`, [
        c.id,
        this.clock.today(),
      ]);
    await this.history(m, c.id, c.status, to, action, actorLabel(RequestContext.principal()).actor, note);
    await this.audit.record(m, {
      action: `discipline.case.${action.toLowerCase()}`,
      entityType: 'DisciplineCase',
      entityId: c.id,
      before: { status: c.status },
      after,
      reason: note,
    });
  }

  private async history(
    m: EntityManager,
    caseId: string,
    from: string | null,
    to: string,
    action: string,
    actor: string,
    note: string | null = null,
  ): Promise<void> {
    await m.query(
      `INSERT INTO discipline_case_transitions (case_id, from_status, to_status, action, actor, note) VALUES ($1,$2,$3,$4,$5,$6)`,
      [caseId, from, to, action, actor.slice(0, 60), note],
    );
  }

  /**
   * Overdue steps as of today, not only as of the last sweep: a report filed late is overdue at once. The
   * calendar-day steps are recomputed here; delivery (working days, holidays) stays with the sweep.
   */
  private overdueNow(c: CaseRow): string[] {
    const live = stepDeadlines(this.dates(c), this.clock.today(), []);
    const now = (['verify', 'recommend', 'decide'] as Step[]).filter((s) => live[s].overdue);
    return [...new Set([...(c.overdue_steps ?? []), ...now])];
  }

  private async view(m: EntityManager, c: CaseRow, full: true): Promise<DisciplineCaseView>;
  private async view(m: EntityManager, c: CaseRow, full: false): Promise<DisciplineCaseItem>;
  private async view(m: EntityManager, c: CaseRow, full: boolean): Promise<DisciplineCaseItem | DisciplineCaseView> {
    const base: DisciplineCaseItem = {
      id: c.id,
      number: c.number,
      reference: caseReference(c.number),
      nip: c.subject.nip,
      name: c.subject.name,
      kind: c.kind,
      act: c.act,
      stage: c.stage,
      occurredOn: c.occurred_on,
      reportedOn: c.reported_on,
      reportedBy: c.reported_by,
      description: c.description,
      evidenceUrls: c.evidence_urls,
      subject: c.subject,
      classification: {
        track: c.track,
        level: c.level,
        candidateSanctions: c.candidate_sanctions,
        manualReview: c.manual_review,
        explanation: c.classification,
      },
      status: c.status,
      verifiedOn: c.verified_on,
      recommendation: c.recommended_sanction
        ? { level: c.recommended_level, sanction: c.recommended_sanction, recommendedOn: c.recommended_on }
        : null,
      competentOfficials: c.competent_officials,
      decision: c.decided_sanction
        ? {
            sanction: c.decided_sanction,
            level: c.decided_level,
            label: SANCTION_CATALOGUE[c.decided_sanction]?.labelId,
            decidedOn: c.decided_on,
            decisionRef: c.decision_ref,
            recordedBy: c.decided_by,
          }
        : null,
      deliveredOn: c.delivered_on,
      effectiveFrom: c.effective_from,
      effectiveTo: c.effective_to,
      endedOn: c.ended_on,
      dismissedReason: c.dismissed_reason,
      overdueSteps: this.overdueNow(c),
      escalated: c.escalated,
      attendance: (c.attendance_facts as Record<string, unknown> | null) ?? null,
      netralitas: c.kind === 'NETRALITAS' ? NeutralityElectionsService.view(c) : null,
      version: c.version,
      createdAt: c.created_at.toISOString(),
    };
    if (!full) return base;
    const holidays = await this.calendar.holidays(
      c.reported_on,
      `${Number(this.clock.today().slice(0, 4)) + 1}-12-31`,
      m,
    );
    const deadlines = stepDeadlines(this.dates(c), this.clock.today(), holidays);
    base.overdueSteps = (Object.keys(deadlines) as Step[]).filter((s) => deadlines[s].overdue);
    const history = await m.query(
      `SELECT from_status AS "from", to_status AS "to", action, actor, note, at FROM discipline_case_transitions WHERE case_id = $1 ORDER BY id`,
      [c.id],
    );
    const escalations = await m.query(
      `SELECT step, kind, to_char(due_on,'YYYY-MM-DD') AS "dueOn", to_char(detected_on,'YYYY-MM-DD') AS "detectedOn", to_char(resolved_on,'YYYY-MM-DD') AS "resolvedOn"
         FROM discipline_escalations WHERE case_id = $1 ORDER BY created_at`,
      [c.id],
    );
    return { ...base, deadlines, effectiveExplanation: c.effective_explanation, escalations, history };
  }
}
