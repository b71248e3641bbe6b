import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, ConflictError, NotFoundError, UnprocessableError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { netralitasStage, recommendingBody, type Explanation, type NetralitasStage } from '../rules';
import { CreateElectionDto, UpdateElectionDto } from './dto/neutrality.dto';
import { ElectionList, ElectionView, NeutralityElectionsRepository } from './neutrality-elections.repository';

/** What a netralitas case records besides its classification (04 §7). */
export interface NetralitasFacts {
  stage: NetralitasStage;
  /** ELECTION: derived from the election's penetapan date; REPORTED: no election known for the date, the reporter's stage. */
  stageSource: 'ELECTION' | 'REPORTED';
  electionCode: string | null;
  stageExplanation: Explanation;
  recommendingBody: string;
  recommendingBodyExplanation: Explanation;
  listeningOnly: boolean;
}

/** The recommending body of a netralitas case as shown (`netralitas.recommendingBody` on the act date). */
export interface RecommendingBodyView {
  body: string;
  name: string;
  onDate: string;
  explanation: Explanation;
}

/** The netralitas part of a case view. */
export interface NetralitasCaseFacts {
  recommendingBody: RecommendingBodyView;
  election: string | null;
  stageSource: 'ELECTION' | 'REPORTED' | null;
  stageExplanation: Explanation | null;
  listeningOnly: boolean;
  /** For the examiner and the reader: what the engine did not decide (Bahasa Indonesia). */
  notes: string[];
}

export const LISTENING_ONLY_NOTE =
  'Hadir hanya untuk mendengarkan, tanpa gestur/atribut partisan: dicatat untuk pemeriksa. Klasifikasi N05 tidak berubah ' +
  '(MenPANRB/BKN: tetap dilarang; Mendagri 2024: dibolehkan bila hanya mendengarkan) — 04 §7';
export const STAGE_REPORTED_NOTE =
  'Tidak ada data pemilu/pilkada yang mencakup tanggal kejadian: tahap bakal calon/calon sesuai laporan, bukan dari tanggal penetapan';

const inputError = (field: string, problem: string) =>
  new InvalidInputError('Data tidak valid / invalid input', [{ field, problem }]);

/**
 * Elections (Pemilu / Pilkada) with their penetapan pasangan calon dates as data an ADMIN maintains, and
 * the netralitas facts of a case: the stage from the election (`netralitas.stage`), the recommending body
 * of the act date (`netralitas.recommendingBody`: KASN until 23 Aug 2024, BKN from 24 Aug 2024).
 */
@Injectable()
export class NeutralityElectionsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: NeutralityElectionsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ElectionList> {
    return { items: await this.repo.list() };
  }

  async create(dto: CreateElectionDto): Promise<ElectionView> {
    this.validate(dto);
    return this.txHost.withTransaction(async () => {
      if (await this.repo.get(dto.code, true))
        throw new ConflictError(`Pemilihan ${dto.code} sudah ada / election exists`, [
          { field: 'code', problem: 'already exists (use PUT to change it)' },
        ]);
      const e = { ...dto, name: dto.name.trim(), legalBasis: dto.legalBasis.trim() };
      await this.repo.upsert(e);
      await this.audit.record({
        action: 'discipline.election.create',
        entityType: 'NeutralityElection',
        entityId: dto.code,
        before: null,
        after: e,
      });
      return this.saved(dto.code);
    });
  }

  /** Changes an election; cases already reported keep the stage and explanation recorded then. */
  async update(code: string, dto: UpdateElectionDto): Promise<ElectionView> {
    this.validate(dto);
    return this.txHost.withTransaction(async () => {
      const before = await this.repo.get(code, true);
      if (!before) throw new NotFoundError('Pemilihan');
      const e = { ...dto, code, name: dto.name.trim(), legalBasis: dto.legalBasis.trim() };
      await this.repo.upsert(e);
      const { updatedAt: _u, ...was } = before;
      await this.audit.record({
        action: 'discipline.election.update',
        entityType: 'NeutralityElection',
        entityId: code,
        before: was,
        after: e,
      });
      return this.saved(code);
    });
  }

  /**
   * The stage and recommending body of a netralitas act. The stage comes from the election whose window
   * holds the act date (or the one named); a reported stage must agree with it. With no election known
   * the reporter's stage is required and the case says so (nothing silent).
   */
  async facts(input: {
    occurredOn: string;
    stage: NetralitasStage | null;
    election?: string | null;
    listeningOnly: boolean;
  }): Promise<NetralitasFacts> {
    const elections = (await this.repo.list()).map((e) => ({
      code: e.code,
      name: e.name,
      from: e.from,
      to: e.to,
      penetapan: e.penetapan,
      legalBasis: e.legalBasis,
    }));
    let named = input.election ?? undefined;
    if (named !== undefined && !elections.some((e) => e.code === named))
      throw new UnprocessableError(`Pemilihan ${named} tidak dikenal / unknown election`, [
        { field: 'election', problem: 'not in GET /discipline/elections' },
      ]);
    if (named === undefined) {
      const covering = elections.filter((e) => e.from <= input.occurredOn && input.occurredOn <= e.to);
      if (covering.length > 1)
        throw inputError(
          'election',
          `the act date falls in ${covering.map((e) => e.code).join(' and ')}: name the election`,
        );
      named = covering.at(0)?.code;
    }
    const body = recommendingBody({ date: input.occurredOn });
    const derived =
      named === undefined
        ? null
        : netralitasStage({ date: input.occurredOn, election: named }, { neutrality: { elections } });
    if (derived) {
      if (input.stage && input.stage !== derived.stage)
        throw new UnprocessableError(
          `Tahap ${input.stage} tidak sesuai: ${derived.explanation.formula} / the stage follows the election's penetapan date`,
          [{ field: 'stage', problem: `must be ${derived.stage} (or omitted)` }],
        );
      return {
        stage: derived.stage,
        stageSource: 'ELECTION',
        electionCode: derived.election,
        stageExplanation: derived.explanation,
        recommendingBody: body.body,
        recommendingBodyExplanation: body.explanation,
        listeningOnly: input.listeningOnly,
      };
    }
    if (!input.stage)
      throw inputError(
        'stage',
        'BAKAL_CALON or CALON is required for NETRALITAS when no election in GET /discipline/elections covers occurredOn',
      );
    return {
      stage: input.stage,
      stageSource: 'REPORTED',
      electionCode: null,
      stageExplanation: {
        ruleId: 'netralitas.stage',
        legalBasis: 'SKB Netralitas ASN 2022; 03 §13.2',
        status: 'INFERRED',
        inputs: { date: input.occurredOn, stage: input.stage },
        formula: `${input.occurredOn}: ${STAGE_REPORTED_NOTE} → ${input.stage}`,
      },
      recommendingBody: body.body,
      recommendingBodyExplanation: body.explanation,
      listeningOnly: input.listeningOnly,
    };
  }

  /** The netralitas part of a case view (cases reported before 04 §7 was wired get the body from the rule). */
  static view(c: {
    occurred_on: string;
    recommending_body: string | null;
    recommending_body_explanation: Explanation | null;
    election_code: string | null;
    stage_source: 'ELECTION' | 'REPORTED' | null;
    stage_explanation: Explanation | null;
    listening_only: boolean | null;
  }): NetralitasCaseFacts {
    const rule = recommendingBody({ date: c.occurred_on });
    const body: RecommendingBodyView = {
      body: c.recommending_body ?? rule.body,
      name: c.recommending_body === null || c.recommending_body === rule.body ? rule.name : c.recommending_body,
      onDate: c.occurred_on,
      explanation: c.recommending_body_explanation ?? rule.explanation,
    };
    const notes: string[] = [];
    if (c.stage_source === 'REPORTED') notes.push(STAGE_REPORTED_NOTE);
    if (c.listening_only) notes.push(LISTENING_ONLY_NOTE);
    return {
      recommendingBody: body,
      election: c.election_code,
      stageSource: c.stage_source,
      stageExplanation: c.stage_explanation,
      listeningOnly: c.listening_only ?? false,
      notes,
    };
  }

  /** The election just written in this transaction, read back as the API shows it. */
  private async saved(code: string): Promise<ElectionView> {
    const e = await this.repo.get(code);
    if (!e) throw new NotFoundError('Pemilihan');
    return e;
  }

  private validate(dto: UpdateElectionDto): void {
    if (dto.from > dto.to) throw inputError('to', 'must not be before from');
    if (dto.penetapan < dto.from || dto.penetapan > dto.to)
      throw inputError('penetapan', `must be within from..to (${dto.from}..${dto.to})`);
  }
}
