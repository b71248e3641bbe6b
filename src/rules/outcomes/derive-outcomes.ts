import { explanation } from '../common/explanation';
import { RuleInputError } from '../common/errors';
import { addMonthsToDate, parseDate } from '../common/dates';
import { asArray, asObject, asString } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { outcomeDefaults, type DisciplineConfig, type OutcomeConfig } from '../config/defaults';
import { makeOutcome } from './build';
import { outcomesFromPredicates, parsePredicateFacts } from './from-predicates';
import { outcomesFromAk } from './from-ak';
import { outcomesFromAllowanceMonths, outcomesFromDecisions } from './from-discipline';
import type { Outcome, OutcomeInput, OutcomeResult } from './types';

/**
 * Derives reward/punishment outcomes from a FINAL predicate history, AK ledger/eligibility results,
 * discipline decisions, closed allowance months, talent and competency-test facts (03 §14–§15).
 * Pure and idempotent: the same facts always give the same outcomes with the same `key`s.
 */
export function deriveOutcomes(
  input: OutcomeInput,
  config?: DeepPartial<OutcomeConfig>,
  disciplineConfig?: DeepPartial<DisciplineConfig>,
): OutcomeResult {
  const cfg = mergeConfig(outcomeDefaults, config);
  const obj = asObject(input, 'input');
  const nip = asString(obj.nip, 'nip');
  const inp = { ...(obj as unknown as OutcomeInput), nip };
  if (inp.asOf !== undefined) parseDate(inp.asOf, 'asOf');
  const preds = parsePredicateFacts(inp.predicates);
  const all: Outcome[] = [
    ...outcomesFromPredicates(inp, preds, cfg),
    ...outcomesFromAk(inp),
    ...outcomesFromDecisions(inp, cfg, disciplineConfig),
    ...outcomesFromAllowanceMonths(inp),
  ];
  if (inp.talent != null) {
    const t = asObject(inp.talent, 'talent');
    if (typeof t.box !== 'number' || !Number.isInteger(t.box) || t.box < 1 || t.box > 9)
      throw new RuleInputError('must be an integer 1..9', 'talent.box');
    const assessedOn = asString(t.assessedOn, 'talent.assessedOn');
    parseDate(assessedOn, 'talent.assessedOn');
    const id = asString(t.assessmentId, 'talent.assessmentId');
    if (cfg.talentPoolBoxes.includes(t.box)) {
      all.push(
        makeOutcome({
          type: 'TALENT_POOL_CANDIDATE',
          nip,
          fact: id,
          reason: `Hasil pemetaan talenta kotak ${t.box} (kotak ${cfg.talentPoolBoxes.join(', ')} masuk kelompok rencana suksesi/talent pool)`,
          effectiveFrom: assessedOn,
          effectiveTo: null,
          source: { kind: 'TALENT_ASSESSMENT', id },
          inputs: { box: t.box, assessedOn },
          formula: `kotak ${t.box} ∈ {${cfg.talentPoolBoxes.join(', ')}}`,
          inferred: false,
        }),
      );
    }
  }
  const tests = inp.competencyTests == null ? [] : asArray(inp.competencyTests, 'competencyTests');
  tests.forEach((raw, i) => {
    const t = asObject(raw, `competencyTests[${i}]`);
    const id = asString(t.id, `competencyTests[${i}].id`);
    const takenOn = asString(t.takenOn, `competencyTests[${i}].takenOn`);
    parseDate(takenOn, `competencyTests[${i}].takenOn`);
    if (typeof t.passed !== 'boolean')
      throw new RuleInputError('must be true or false', `competencyTests[${i}].passed`);
    if (t.passed) return;
    all.push(
      makeOutcome({
        type: 'DEMOTION',
        nip,
        fact: `UKOM:${id}`,
        status: 'PROPOSED',
        reason: `Tidak lulus uji kompetensi setelah masa perbaikan: dipindahkan ke jabatan yang sesuai kompetensinya atau jabatan lebih rendah`,
        effectiveFrom: takenOn,
        effectiveTo: null,
        source: { kind: 'COMPETENCY_TEST', id },
        inputs: { takenOn, passed: false },
        formula: 'ukom gagal → pemindahan ke jabatan sesuai / lebih rendah',
      }),
    );
    const deadline = addMonthsToDate(takenOn, cfg.reassignmentMonths);
    if (t.reassignedOn === undefined && inp.asOf !== undefined && inp.asOf >= deadline) {
      all.push(
        makeOutcome({
          type: 'DISMISSAL_RECOMMENDED',
          nip,
          fact: `UKOM:${id}`,
          status: 'PROPOSED',
          reason: `Tidak ada jabatan yang sesuai dalam ${cfg.reassignmentMonths} bulan sejak uji kompetensi ${takenOn}: diusulkan diberhentikan dengan hormat tidak atas permintaan sendiri`,
          effectiveFrom: deadline,
          effectiveTo: null,
          source: { kind: 'COMPETENCY_TEST', id },
          inputs: { takenOn, asOf: inp.asOf },
          formula: `${inp.asOf} ≥ ${deadline} tanpa penempatan → usulan PDHTAPS`,
        }),
      );
    }
  });
  const byKey = new Map<string, Outcome>();
  for (const o of all) if (!byKey.has(o.key)) byKey.set(o.key, o);
  const outcomes = [...byKey.values()];
  return {
    outcomes,
    explanation: explanation({
      ruleId: 'outcomes.derive',
      legalBasis:
        'PermenPANRB 6/2022 (tindak lanjut hasil evaluasi); PP 30/2019; PP 94/2021; PermenPANRB 1/2023; PP 49/2018',
      status: 'INFERRED',
      inputs: {
        nip,
        asOf: inp.asOf,
        predicates: preds.length,
        decisions: Array.isArray(inp.decisions) ? inp.decisions.length : 0,
      },
      formula: `${outcomes.length} outcome: ${outcomes.map((o) => o.type).join(', ') || 'tidak ada'}`,
    }),
  };
}
