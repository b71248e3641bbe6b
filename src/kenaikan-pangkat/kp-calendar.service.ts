import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-errors';
import { CreditLedgerService } from '../angka-kredit/credit-ledger.service';
import { monthsBetween } from '../angka-kredit/credit-facts';
import { kpNextFrom, kpSanctionsSince } from '../angka-kredit/kp-next';
import { DisciplineSanctionsReader } from '../discipline/discipline-sanctions.repository';
import { FinalPredicatesReader } from '../evaluation/final-predicates.repository';
import { PangkatRosterRepository, type PangkatRosterRow } from '../org/pangkat-roster.repository';
import { kpDefaults, kpRegular, RuleInputError, type Golongan } from '../rules';
import { addMonthsToDate } from '../rules/common/dates';
import type { EducationLevel } from '../rules/kenaikan-pangkat/tables';
import { delayReasons, KP_EDUCATION_OF, kpStatus } from './kp-status';
import type { KpCalendarItem } from './kp-calendar.views';

export interface KpCalendarRow extends KpCalendarItem {
  employeeId: string;
}

const base = (r: PangkatRosterRow) => ({
  employeeId: r.employeeId,
  nip: r.nip,
  name: r.name,
  unitCode: r.unitCode,
  unitName: r.unitName,
  golongan: r.golongan,
});

const none = {
  eligibleOn: null,
  tmt: null,
  submitFrom: null,
  submitBy: null,
  regime: null,
  delayedBy: [],
  explanation: null,
};

/**
 * The kenaikan pangkat position of every PNS in post (04 §3): JF officials from their angka kredit ledger
 * (ak.eligibility + kp.nextPeriod), everyone else by kp.regular (years in pangkat, predikat, ijazah ceiling);
 * sanctions in force move the TMT (§3.3). Set-based: a few reads whatever the roster size.
 */
@Injectable()
export class KpCalendarService {
  constructor(
    private readonly roster: PangkatRosterRepository,
    private readonly credit: CreditLedgerService,
    private readonly predicates: FinalPredicatesReader,
    private readonly discipline: DisciplineSanctionsReader,
  ) {}

  async rows(today: string, unitIds: string[] | null): Promise<KpCalendarRow[]> {
    const people = await this.roster.inForce(today, unitIds);
    const jf = people.filter((p) => p.positionKind === 'FUNGSIONAL' && p.jenjang);
    const regular = people.filter((p) => !(p.positionKind === 'FUNGSIONAL' && p.jenjang));
    const out: KpCalendarRow[] = [];
    const facts = await this.credit.factsMany(
      jf.map((p) => p.employeeId),
      today,
    );
    for (const p of jf) {
      const f = facts.get(p.employeeId);
      if (f) out.push(...this.jfRow(p, f, today));
    }
    const ids = regular.map((p) => p.employeeId);
    const preds = await this.predicates.annual(ids);
    const sanctions = await this.discipline.kenaikanPangkatSanctions(ids, kpSanctionsSince(today));
    for (const p of regular) {
      try {
        out.push(...this.regularRow(p, preds.get(p.employeeId) ?? [], sanctions.get(p.employeeId) ?? [], today));
      } catch (err) {
        if (!(err instanceof RuleInputError)) throw err;
        // Facts the rules refuse (e.g. a golongan outside the table): reported, never a default.
        out.push({
          ...base(p),
          track: 'REGULAR',
          to: null,
          ...none,
          status: 'NOT_YET',
          unmet: ['RULE_INPUT'],
          reasons: [err.message],
        });
      }
    }
    return out.sort((a, b) => (a.tmt ?? '9999').localeCompare(b.tmt ?? '9999') || a.nip.localeCompare(b.nip));
  }

  private jfRow(p: PangkatRosterRow, f: Parameters<CreditLedgerService['compute']>[0], today: string): KpCalendarRow[] {
    let c: ReturnType<CreditLedgerService['compute']>;
    try {
      c = this.credit.compute(f, today);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // Facts that contradict the rules: reported in the calendar, never silently left out.
      const message = err.message;
      return [
        { ...base(p), track: 'JF', to: null, ...none, status: 'NOT_YET', unmet: ['LEDGER_ERROR'], reasons: [message] },
      ];
    }
    // A kenaikan jenjang is the next step, or a PPPK: not on the KP calendar.
    const eligibility = c.eligibility;
    if (!c.kp || !eligibility) return [];
    const { status, open } = kpStatus(c.kp, eligibility.unmet);
    const reasons = eligibility.reasons.filter((_, i) => open.includes(eligibility.unmet[i]));
    return [
      {
        ...base(p),
        track: 'JF',
        to: eligibility.to,
        eligibleOn: c.kp.eligibleOn,
        tmt: c.kp.tmt,
        submitFrom: c.kp.submitFrom,
        submitBy: c.kp.submitBy,
        regime: c.kp.regime,
        status,
        unmet: open,
        reasons: [...reasons, ...delayReasons(c.kp)],
        delayedBy: c.kp.delayedBy,
        explanation: c.kp.explanation,
      },
    ];
  }

  private regularRow(
    p: PangkatRosterRow,
    predicates: string[],
    sanctions: { type: string; effectiveFrom: string; caseId: string }[],
    today: string,
  ): KpCalendarRow[] {
    const education = p.educationLevel ? KP_EDUCATION_OF[p.educationLevel] : undefined;
    if (!education)
      return [
        {
          ...base(p),
          track: 'REGULAR',
          to: null,
          ...none,
          status: 'NOT_YET',
          unmet: ['EDUCATION_MISSING'],
          reasons: ['Pendidikan terakhir belum dicatat: batas pangkat menurut ijazah tidak dapat ditentukan (04 §3.4)'],
        },
      ];
    const r = kpRegular({
      golongan: p.golongan as Golongan,
      education: education as EducationLevel,
      monthsInPangkat: monthsBetween(p.pangkatSince, today),
      recentAnnualPredicates: predicates as never,
      onDate: today,
    });
    // The ijazah ceiling is reached: no regular KP is due.
    if (!r.to) return [];
    const kp = kpNextFrom(addMonthsToDate(p.pangkatSince, kpDefaults.regular.minMonthsInPangkat), sanctions, today);
    const { status, open } = kpStatus(kp, r.unmet);
    const reasons = open.map((u) =>
      u === 'PREDIKAT_BELOW_BAIK'
        ? `Predikat kinerja tahunan ${kpDefaults.regular.predikatYears} tahun terakhir belum semuanya minimal Baik`
        : u === 'ABOVE_SUPERVISOR'
          ? 'Pangkat tujuan melebihi pangkat atasan langsung'
          : u,
    );
    return [
      {
        ...base(p),
        track: 'REGULAR',
        to: r.to,
        eligibleOn: kp.eligibleOn,
        tmt: kp.tmt,
        submitFrom: kp.submitFrom,
        submitBy: kp.submitBy,
        regime: kp.regime,
        status,
        unmet: open,
        reasons: [...reasons, ...delayReasons(kp)],
        delayedBy: kp.delayedBy,
        explanation: kp.explanation,
      },
    ];
  }
}
