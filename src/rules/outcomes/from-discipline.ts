import { SANCTIONS, parseEnum } from '../common/enums';
import { addMonthsToDate, monthStart, parseDate, parseMonth } from '../common/dates';
import { asArray, asObject } from '../common/validate';
import { SANCTION_CATALOGUE } from '../discipline/tables';
import { decisionEffectiveDate } from '../discipline/effective-date';
import { RuleInputError } from '../common/errors';
import type { DisciplineConfig, OutcomeConfig } from '../config/defaults';
import type { DeepPartial } from '../common/merge';
import { makeOutcome } from './build';
import type { AllowanceMonthFact, DisciplineDecisionFact, Outcome, OutcomeInput } from './types';

/** Outcomes caused by discipline decisions (03 §7, §12.3–§12.5, §15). */
export function outcomesFromDecisions(
  input: OutcomeInput,
  _cfg: OutcomeConfig,
  disciplineConfig?: DeepPartial<DisciplineConfig>,
): Outcome[] {
  const out: Outcome[] = [];
  const nip = input.nip;
  const decisions = (input.decisions == null ? [] : asArray(input.decisions, 'decisions')) as DisciplineDecisionFact[];
  decisions.forEach((d, i) => {
    asObject(d, `decisions[${i}]`);
    const sanction = parseEnum(SANCTIONS, d.sanction, `decisions[${i}].sanction`);
    if (typeof d.id !== 'string' || d.id === '')
      throw new RuleInputError('must be a non-empty string', `decisions[${i}].id`);
    let from: string;
    if (d.effectiveFrom !== undefined) {
      parseDate(d.effectiveFrom, `decisions[${i}].effectiveFrom`);
      from = d.effectiveFrom;
    } else if (d.deliveredOn !== undefined) {
      from = decisionEffectiveDate(
        { deliveredOn: d.deliveredOn, holidays: d.holidays },
        disciplineConfig,
      ).effectiveFrom;
    } else {
      throw new RuleInputError('effectiveFrom or deliveredOn is required', `decisions[${i}]`);
    }
    const info = SANCTION_CATALOGUE[sanction];
    const to = info.months === null ? null : addMonthsToDate(from, info.months);
    const src = { kind: 'DISCIPLINE_DECISION' as const, id: d.id };
    const base = {
      nip,
      effectiveFrom: from,
      effectiveTo: to,
      source: src,
      inputs: { decision: d.id, sanction, effectiveFrom: from },
    };
    const span = to === null ? `mulai ${from}` : `${from} s.d. ${to}`;
    if (info.allowanceCut) {
      out.push(
        makeOutcome({
          ...base,
          type: 'ALLOWANCE_CUT',
          fact: `DECISION:${d.id}`,
          reason: `Hukuman disiplin sedang: ${info.labelId} (${span})`,
          formula: `${sanction} → potongan ${Number(info.allowanceCut) * 100}% selama ${info.months} bulan`,
          inferred: false,
        }),
      );
    }
    // 03 §12.4–§12.5 (PerBKN 6/2022 Pasal 50, 55): no KGB and no KP while any sedang/berat sanction
    // runs, whatever its form — a PP 53-form KGB delay also blocks KP for its span, and vice versa.
    if ((info.level === 'SEDANG' || info.level === 'BERAT') && sanction !== 'PDHTAPS') {
      const during = `Selama menjalani hukuman disiplin ${info.level.toLowerCase()} (${info.labelId})`;
      out.push(
        makeOutcome({
          ...base,
          type: 'KGB_DELAYED',
          fact: `DECISION:${d.id}`,
          reason: `${during} tidak diberikan kenaikan gaji berkala (${span})`,
          formula: `${sanction} (${info.level}) → KGB ditunda (PerBKN 6/2022 Pasal 50, 55)`,
        }),
      );
      out.push(
        makeOutcome({
          ...base,
          type: 'KP_DELAYED',
          fact: `DECISION:${d.id}`,
          reason: `${during} tidak diberikan kenaikan pangkat (${span})`,
          formula: `${sanction} (${info.level}) → KP ditunda (PerBKN 6/2022 Pasal 50, 55)`,
        }),
      );
    }
    if (sanction === 'TURUN_JABATAN_12M' || sanction === 'BEBAS_JABATAN_12M' || sanction === 'PANGKAT_DOWN_12M') {
      out.push(
        makeOutcome({
          ...base,
          type: 'DEMOTION',
          fact: `DECISION:${d.id}`,
          reason: `Hukuman disiplin: ${info.labelId} (${span})`,
          formula: `${sanction} → penurunan`,
          inferred: false,
        }),
      );
    }
    if (sanction === 'PDHTAPS' || sanction === 'PTDH') {
      out.push(
        makeOutcome({
          ...base,
          type: 'DISMISSAL_RECOMMENDED',
          fact: `DECISION:${d.id}`,
          reason: `Keputusan ${info.labelId}`,
          formula: `${sanction} → pemberhentian`,
          inferred: false,
        }),
      );
    }
    if (input.employeeStatus === 'PPPK' && (info.level === 'BERAT' || sanction === 'PTDH')) {
      out.push(
        makeOutcome({
          ...base,
          type: 'CONTRACT_NOT_EXTENDED',
          fact: `DECISION:${d.id}`,
          status: 'PROPOSED',
          effectiveTo: null,
          reason: `PPPK dengan hukuman disiplin berat (${info.labelId}): pemutusan/tidak diperpanjang perjanjian kerja`,
          formula: `PPPK ∧ ${sanction} berat → tidak diperpanjang`,
        }),
      );
    }
  });
  return out;
}

/** A reference to PP 94/2021 (discipline): cited by a month's cut only when a sanction caused it. */
const PP94 = /\bPP\s*(No\.?\s*)?94\s*\/\s*2021\b/i;

/**
 * ALLOWANCE_CUT per closed allowance month with a predicate, status or hukdis reduction. Its legal
 * basis is the rule that cut: the rule set and its legal references; PP 94/2021 only when a
 * discipline sanction (HUKDIS) is among the cuts. A held performance part (PREDIKAT_HELD) is no cut.
 */
export function outcomesFromAllowanceMonths(input: OutcomeInput): Outcome[] {
  const months = (
    input.allowanceMonths == null ? [] : asArray(input.allowanceMonths, 'allowanceMonths')
  ) as AllowanceMonthFact[];
  const out: Outcome[] = [];
  months.forEach((m, i) => {
    asObject(m, `allowanceMonths[${i}]`);
    const idx = parseMonth(m.month, `allowanceMonths[${i}].month`);
    const cuts = asArray(m.deductions, `allowanceMonths[${i}].deductions`).filter((d) => {
      const o = d as { code?: string; amount?: number };
      return (
        (o.code === 'PREDIKAT' || o.code === 'HUKDIS' || o.code === 'STATUS') &&
        typeof o.amount === 'number' &&
        o.amount > 0
      );
    }) as { code: string; amount: number; reason?: string }[];
    if (cuts.length === 0) return;
    const hukdis = cuts.some((c) => c.code === 'HUKDIS');
    const refs = (
      m.legalRefs === undefined ? [] : asArray(m.legalRefs, `allowanceMonths[${i}].legalRefs`).map(String)
    ).filter((r) => hukdis || !PP94.test(r));
    const ruleSet = m.ruleSet ? `Rule set TPP ${m.ruleSet}` : 'Rule set TPP';
    const legalBasis = [
      `${ruleSet} (${cuts.map((c) => c.code).join(', ')})`,
      ...refs,
      ...(hukdis && !refs.some((r) => PP94.test(r)) ? ['PP 94/2021 Pasal 8 (hukuman disiplin)'] : []),
    ].join('; ');
    out.push(
      makeOutcome({
        type: 'ALLOWANCE_CUT',
        nip: input.nip,
        fact: `MONTH:${m.month}`,
        reason: `TPP ${m.month} dibayar kurang dari 100%: ${cuts.map((c) => `${c.code} Rp${c.amount}${c.reason ? ` (${c.reason})` : ''}`).join(', ')}`,
        effectiveFrom: monthStart(idx),
        effectiveTo: monthStart(idx + 1),
        source: { kind: 'ALLOWANCE_MONTH', id: `${m.month}${m.ruleSet ? `@${m.ruleSet}` : ''}` },
        inputs: { month: m.month, ruleSet: m.ruleSet, cuts },
        formula: cuts.map((c) => `${c.code} = ${c.amount}`).join(' + '),
        legalBasis,
      }),
    );
  });
  return out;
}
