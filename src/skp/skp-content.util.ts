import { ErrorDetail } from '../common/domain-errors';
import { BehaviorDto, ResultDto } from './dto/skp.dto';
import { CORE_VALUES, SkpApproach, SkpFormType } from './skp.enums';

/** What the content checks need to know about a result (from a DTO or from the database). */
export interface ResultContent {
  kind: string;
  parentResultId: string | null;
  indicators: { aspect: string | null; perspective: string | null; target: string | null }[];
}

/**
 * Shape rules that make a draft wrong whatever its completeness (→ 400): the IKI dimension must
 * match the form (aspect on JA/JF, perspective on JPT, §4.4), core values appear once, ids once.
 */
export function contentShapeProblems(
  formType: SkpFormType,
  results: ResultDto[] | undefined,
  behaviors: BehaviorDto[] | undefined,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const ids = new Set<string>();
  const seen = (id: string | undefined, field: string) => {
    if (!id) return;
    if (ids.has(id)) out.push({ field, problem: 'id appears twice' });
    ids.add(id);
  };
  (results ?? []).forEach((r, i) => {
    seen(r.id, `results[${i}].id`);
    r.indicators.forEach((ind, j) => {
      const f = `results[${i}].indicators[${j}]`;
      seen(ind.id, `${f}.id`);
      if (formType === 'JPT' && ind.aspect)
        out.push({
          field: `${f}.aspect`,
          problem: 'SKP JPT memakai perspektif, bukan aspek / JPT forms use perspective, not aspect',
        });
      if (formType === 'JA_JF' && ind.perspective)
        out.push({
          field: `${f}.perspective`,
          problem: 'SKP JA/JF memakai aspek, bukan perspektif / JA/JF forms use aspect, not perspective',
        });
    });
  });
  const values = new Set<string>();
  (behaviors ?? []).forEach((b, i) => {
    if (values.has(b.coreValue))
      out.push({ field: `behaviors[${i}].coreValue`, problem: `${b.coreValue} appears twice` });
    values.add(b.coreValue);
  });
  return out;
}

/**
 * Guards of DRAFT → SUBMITTED (spec 01 §3.4): ≥ 1 UTAMA result, each with ≥ 1 indicator; for
 * KUANTITATIF every indicator has its aspect/perspective and a target; all 7 core values; UTAMA
 * results of JA/JF reference the leader's RHK when the PPK's approved SKP exists.
 */
export function submitProblems(
  s: { formType: SkpFormType; approach: SkpApproach; results: ResultContent[]; coreValues: string[] },
  parentRequired: boolean,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!s.results.some((r) => r.kind === 'UTAMA'))
    out.push({ field: 'results', problem: 'perlu minimal 1 RHK UTAMA / at least one UTAMA result is required' });
  s.results.forEach((r, i) => {
    if (r.kind === 'UTAMA' && r.indicators.length === 0)
      out.push({
        field: `results[${i}].indicators`,
        problem: 'RHK UTAMA perlu minimal 1 indikator / a UTAMA result needs at least one indicator',
      });
    if (s.approach === 'KUANTITATIF') {
      r.indicators.forEach((ind, j) => {
        const f = `results[${i}].indicators[${j}]`;
        if (!ind.target)
          out.push({
            field: `${f}.target`,
            problem: 'target wajib pada pendekatan kuantitatif / a target is required (KUANTITATIF)',
          });
        if (s.formType === 'JA_JF' && !ind.aspect)
          out.push({
            field: `${f}.aspect`,
            problem: 'aspek wajib pada pendekatan kuantitatif / aspect required (KUANTITATIF)',
          });
        if (s.formType === 'JPT' && !ind.perspective)
          out.push({
            field: `${f}.perspective`,
            problem: 'perspektif wajib pada pendekatan kuantitatif / perspective required (KUANTITATIF)',
          });
      });
    }
    if (parentRequired && s.formType === 'JA_JF' && r.kind === 'UTAMA' && !r.parentResultId) {
      out.push({
        field: `results[${i}].parentResultId`,
        problem:
          'RHK UTAMA harus mengacu RHK pimpinan yang diintervensi / must reference the PPK’s result it intervenes',
      });
    }
  });
  const missing = CORE_VALUES.filter((v) => !s.coreValues.includes(v));
  if (missing.length)
    out.push({
      field: 'behaviors',
      problem: `7 nilai BerAKHLAK wajib ada; kurang: ${missing.join(', ')} / all 7 core values are required`,
    });
  return out;
}
