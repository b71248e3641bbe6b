import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../authz/access-policy';
import { ConflictError, InvalidInputError, UnprocessableError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { TransactionHost, type TxHost } from '../database/transaction';
import { Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { OutboxService } from '../outbox/outbox.service';
import { attendanceLadder, classifyNetralitas, NETRALITAS_ACTS, RuleInputError, type NetralitasAct } from '../rules';
import { CompetentOfficials } from './discipline-calendar.service';
import { NeutralityElectionsService } from './neutrality-elections.service';
import { CaseStatus, sanctionsOfLevel, stepDeadlines } from './discipline-policy.util';
import { CreateCaseDto } from './dto/discipline.dto';
import type { DisciplineCaseView } from './dto/discipline-views.dto';
import {
  attendanceRungFrom,
  Classification,
  OpenCaseInput,
  Subject,
  levelsFor,
  officialIds,
} from './discipline-case.util';
import { DisciplineCaseSteps } from './discipline-case-steps.service';
import { DisciplineCasesRepository } from './discipline-cases.repository';

/**
 * Opening discipline and netralitas cases (spec 03 §12–§13): classification by the rules, from a
 * report (HTTP) or the attendance scan, with the deadlines of each step.
 */
@Injectable()
export class DisciplineIntakeService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly cases: DisciplineCasesRepository,
    private readonly org: OrgDirectory,
    private readonly officials: CompetentOfficials,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly elections: NeutralityElectionsService,
    private readonly steps: DisciplineCaseSteps,
  ) {}

  // ---- classification -------------------------------------------------------------------------

  classify(input: OpenCaseInput): Classification {
    try {
      if (input.kind === 'NETRALITAS') {
        if (!input.act || !(NETRALITAS_ACTS as readonly string[]).includes(input.act)) {
          throw new InvalidInputError('Data tidak valid / invalid input', [
            { field: 'act', problem: `must be one of ${NETRALITAS_ACTS.join(', ')} for NETRALITAS` },
          ]);
        }
        if (!input.stage)
          throw new InvalidInputError('Data tidak valid / invalid input', [
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
          throw new InvalidInputError('Data tidak valid / invalid input', [
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
          throw new UnprocessableError(
            `Belum mencapai ambang tangga kehadiran PP 94/2021 (${r.equivalentDays} hari) / below the first rung of the attendance ladder`,
            [{ field: 'attendance.cumulativeDays', problem: r.explanation.formula }],
          );
        }
        const rung = attendanceRungFrom(r, input.occurredOn);
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
        throw new UnprocessableError(`Klasifikasi tidak dapat dihitung / cannot classify: ${err.message}`, [
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
      throw new UnprocessableError('Tanggal kejadian di masa depan / occurredOn is in the future', [
        { field: 'occurredOn', problem: `after today (${today})` },
      ]);
    const reportedOn = dto.reportedOn ?? today;
    if (reportedOn < dto.occurredOn || reportedOn > today)
      throw new UnprocessableError('Tanggal laporan tidak valid / reportedOn must be between occurredOn and today', [
        { field: 'reportedOn', problem: `must be ${dto.occurredOn}..${today}` },
      ]);
    if (dto.kind !== 'NETRALITAS' && dto.stage)
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'stage', problem: 'only for NETRALITAS' },
      ]);
    if (dto.kind !== 'OTHER' && dto.level)
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'level', problem: 'only for OTHER (NETRALITAS and ATTENDANCE are classified by the rules)' },
      ]);
    if (dto.kind !== 'ATTENDANCE' && dto.attendance)
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'attendance', problem: 'only for ATTENDANCE' },
      ]);
    if (dto.kind !== 'NETRALITAS' && (dto.election || dto.listeningOnly !== undefined))
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: dto.election ? 'election' : 'listeningOnly', problem: 'only for NETRALITAS' },
      ]);
    if (dto.listeningOnly && dto.act !== 'N05')
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'listeningOnly', problem: 'only for act N05 (attending a campaign), 04 §7' },
      ]);
    const employeeId = await this.org.employeeIdByNip(dto.nip);
    if (!employeeId)
      throw new UnprocessableError(`Pegawai ${dto.nip} tidak dikenal / unknown NIP`, [
        { field: 'nip', problem: 'unknown NIP' },
      ]);
    const id = await this.txHost.withTransaction(() =>
      this.open({
        employeeId,
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
    // Only an automatic attendance case can meet an existing one (ON CONFLICT on its rung); a reported case always opens.
    if (id === null) throw new ConflictError('Kasus sudah ada / the case already exists');
    return this.steps.get(p, id);
  }

  /** Opens a case in the caller's transaction. Returns null when an automatic attendance case for the rung already exists. */
  async open(input: OpenCaseInput, auto = false): Promise<string | null> {
    const today = this.clock.today();
    // 04 §7: stage from the election's penetapan date, recommending body of the act date.
    const nf =
      input.kind === 'NETRALITAS'
        ? await this.elections.facts({
            occurredOn: input.occurredOn,
            stage: input.stage,
            election: input.election,
            listeningOnly: input.listeningOnly ?? false,
          })
        : null;
    if (nf) input = { ...input, stage: nf.stage };
    const cls = this.classify(input);
    const snap =
      (await this.org.snapshotById(input.employeeId, input.occurredOn)) ??
      (await this.org.snapshotById(input.employeeId, today));
    if (!snap)
      throw new UnprocessableError(
        `Pegawai tidak memiliki jabatan pada ${input.occurredOn} / the employee held no position on that date`,
        [{ field: 'occurredOn', problem: 'no assignment' }],
      );
    const agency = (await this.org.ancestorUnits(snap.unitId)).find((u) => u.parentId === null);
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
    const officials = await this.officials.forLevels(input.employeeId, subject, levelsFor(cls), today);
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
    const row = await this.cases.insert([
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
    ]);
    if (!row) return null;
    const id = row.id;
    await this.steps.history(id, null, status, auto ? 'AUTO_OPEN' : 'REPORT', input.reportedBy);
    await this.audit.record({
      action: auto ? 'discipline.case.auto-open' : 'discipline.case.create',
      entityType: 'DisciplineCase',
      entityId: id,
      before: null,
      after: {
        number: row.number,
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
    await this.outbox.add({
      type: 'DisciplineCaseOpened',
      aggregateType: 'DisciplineCase',
      aggregateId: id,
      payload: { caseId: id },
      dedupeKey: `discipline-opened:${id}`,
    });
    return id;
  }
}
