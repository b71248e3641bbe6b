import { decisionEffectiveDate, SANCTION_CATALOGUE, type Sanction } from '../rules';

/**
 * Workflow policy of discipline and netralitas cases (spec 03 §12.4, §13.3, §17 #9). Every number
 * is a policy key; the statuses say where it comes from.
 */
export const DISCIPLINE_WORKFLOW = {
  /** §13.3 VERIFYING: Satgas verification/clarification ≤ 7 days after the report (CONFIRMED as reported). */
  verifyDays: 7,
  /** §13.3 BAWASLU_STUDY: kajian 3 + 2 days before the recommendation of a netralitas case (CONFIRMED as reported). */
  netralitasStudyDays: 5,
  /** Examination by the atasan / Tim Pemeriksa before a recommendation for ATTENDANCE / OTHER (INFERRED). */
  examinationDays: 14,
  /** §13.3 TO_PPK / §17 #9 `neutrality.ppkFollowUpDays`: the competent official acts on a recommendation within 10 days (OPEN, default 10). */
  ppkFollowUpDays: 10,
  /** §12.4: the SK is delivered ≤ 14 working days after it is set (CONFIRMED-impl). */
  deliveryWorkingDays: 14,
} as const;

export const CASE_KINDS = ['NETRALITAS', 'ATTENDANCE', 'OTHER'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = [
  'REPORTED',
  'VERIFIED',
  'RECOMMENDED',
  'DECIDED',
  'DELIVERED',
  'EFFECTIVE',
  'ENDED',
  'DISMISSED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Levels a recommendation may name: the PP 94 levels, or the kode-etik / PTDH tracks. */
export const RECOMMENDATION_LEVELS = ['RINGAN', 'SEDANG', 'BERAT', 'KODE_ETIK', 'PTDH'] as const;
export type RecommendationLevel = (typeof RECOMMENDATION_LEVELS)[number];

export const STEPS = ['verify', 'recommend', 'decide', 'deliver'] as const;
export type Step = (typeof STEPS)[number];

export interface StepDeadline {
  dueOn: string | null;
  doneOn: string | null;
  overdue: boolean;
  rule: string;
}

export interface CaseDates {
  kind: CaseKind;
  status: CaseStatus;
  reportedOn: string;
  verifiedOn: string | null;
  recommendedOn: string | null;
  decidedOn: string | null;
  deliveredOn: string | null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The due date of each step, whether it was done, and whether it is overdue on `today`. */
export function stepDeadlines(c: CaseDates, today: string, holidays: string[]): Record<Step, StepDeadline> {
  const open = c.status !== 'DISMISSED';
  const mk = (dueOn: string | null, doneOn: string | null, rule: string): StepDeadline => ({
    dueOn,
    doneOn,
    rule,
    overdue: open && dueOn !== null && doneOn === null && today > dueOn,
  });
  const w = DISCIPLINE_WORKFLOW;
  const recommendDays = c.kind === 'NETRALITAS' ? w.netralitasStudyDays : w.examinationDays;
  return {
    verify: mk(
      addDays(c.reportedOn, w.verifyDays),
      c.verifiedOn,
      `verifikasi ≤ ${w.verifyDays} hari setelah laporan (SKB netralitas / SBT, 03 §13.3)`,
    ),
    recommend: mk(
      c.verifiedOn ? addDays(c.verifiedOn, recommendDays) : null,
      c.recommendedOn,
      c.kind === 'NETRALITAS'
        ? `kajian 3 + 2 hari setelah verifikasi (03 §13.3)`
        : `pemeriksaan ≤ ${recommendDays} hari setelah verifikasi (INFERRED)`,
    ),
    decide: mk(
      c.recommendedOn ? addDays(c.recommendedOn, w.ppkFollowUpDays) : null,
      c.decidedOn,
      `tindak lanjut rekomendasi oleh pejabat yang berwenang ≤ ${w.ppkFollowUpDays} hari (03 §13.3, §17 #9); lewat → eskalasi SBT / blokir SIASN`,
    ),
    deliver: mk(
      c.decidedOn
        ? decisionEffectiveDate({ deliveredOn: c.decidedOn, workingDays: w.deliveryWorkingDays, holidays })
            .effectiveFrom
        : null,
      c.deliveredOn,
      `SK disampaikan ≤ ${w.deliveryWorkingDays} hari kerja setelah ditetapkan (03 §12.4)`,
    ),
  };
}

/** The level a sanction belongs to in the catalogue (RINGAN/SEDANG/BERAT, KODE_ETIK or PTDH). */
export function sanctionLevel(s: Sanction): RecommendationLevel {
  return SANCTION_CATALOGUE[s].level;
}

/** Sanctions the official may choose at a level (PP 94 Pasal 8; PP 53 transitional sedang forms; PP 42/2004; UU ASN). */
export function sanctionsOfLevel(level: RecommendationLevel): Sanction[] {
  return (Object.keys(SANCTION_CATALOGUE) as Sanction[]).filter((s) => SANCTION_CATALOGUE[s].level === level);
}

// ───────────────────────── competent officials (pejabat yang berwenang menghukum) ─────────────────────────

/** Seniority of a position for discipline purposes (JF by jenjang). */
export function disciplineRank(kind: string, jenjang: string | null): number {
  switch (kind) {
    case 'JPT_UTAMA':
      return 6;
    case 'JPT_MADYA':
      return 5;
    case 'JPT_PRATAMA':
      return 4;
    case 'ADMINISTRATOR':
      return 3;
    case 'PENGAWAS':
      return 2;
    case 'FUNGSIONAL':
      if (jenjang === 'AHLI_UTAMA') return 5;
      if (jenjang === 'AHLI_MADYA') return 4;
      if (jenjang === 'AHLI_MUDA') return 3;
      if (jenjang === 'AHLI_PERTAMA' || jenjang === 'PENYELIA') return 2;
      return 1;
    default:
      return 1;
  }
}

/** Structural rank of a potential deciding official (JF and pelaksana decide nothing). */
const STRUCTURAL: Record<string, number> = {
  JPT_UTAMA: 6,
  JPT_MADYA: 5,
  JPT_PRATAMA: 4,
  ADMINISTRATOR: 3,
  PENGAWAS: 2,
};

export type OfficialRole = 'ATASAN' | 'PIMPINAN_TINGGI' | 'PPK_INSTANSI' | 'PRESIDEN';

export interface ChainPerson {
  employeeId: string;
  nip: string;
  name: string;
  positionKind: string;
  positionTitle: string;
}

export interface CompetentOfficial {
  level: RecommendationLevel;
  role: OfficialRole;
  /** null when the official is outside the engine (Presiden) or the chain has no suitable holder. */
  employeeId: string | null;
  nip: string | null;
  name: string | null;
  positionTitle: string | null;
  basis: string;
}

const BASIS =
  'PP 94/2021 Pasal 18–25 (pejabat yang berwenang menghukum menurut tingkat hukuman dan jabatan); pemetaan ke rantai atasan: INFERRED';

/**
 * The official competent to decide a sanction of `level` for a subject in position (kind, jenjang),
 * given the subject's chain of superiors on the date (direct superior first, the Pejabat Pembina
 * Kepegawaian of the instance last). Simplified reading of PP 94/2021 (INFERRED):
 * - BERAT / PTDH: Presiden for JPT utama/madya and JF ahli utama, else the PPK instansi (top of the chain);
 * - KODE_ETIK (moral sanction): the PPK instansi (03 §13.2);
 * - SEDANG: the PPK instansi for JPT, administrator and JF ahli madya/muda, else the nearest JPT in the chain;
 * - RINGAN: the PPK instansi for JPT; the nearest JPT for administrators and JF ahli muda; else the nearest
 *   structural superior at least a pengawas and senior to the subject.
 * A missing holder falls back to the top of the chain.
 */
export function competentOfficial(
  level: RecommendationLevel,
  subject: { positionKind: string; jenjang: string | null },
  chain: ChainPerson[],
): CompetentOfficial {
  const rank = disciplineRank(subject.positionKind, subject.jenjang);
  const top = chain.length ? chain[chain.length - 1] : null;
  const person = (role: OfficialRole, p: ChainPerson | null): CompetentOfficial => ({
    level,
    role,
    employeeId: p?.employeeId ?? null,
    nip: p?.nip ?? null,
    name: p?.name ?? null,
    positionTitle: p?.positionTitle ?? (role === 'PRESIDEN' ? 'Presiden' : null),
    basis: BASIS,
  });
  const nearest = (minRank: number): ChainPerson | null =>
    chain.find((c) => (STRUCTURAL[c.positionKind] ?? 0) >= minRank) ?? null;
  if (level === 'BERAT' || level === 'PTDH') return rank >= 5 ? person('PRESIDEN', null) : person('PPK_INSTANSI', top);
  if (level === 'KODE_ETIK') return person('PPK_INSTANSI', top);
  if (level === 'SEDANG') {
    if (rank >= 3) return person('PPK_INSTANSI', top);
    const jpt = nearest(4);
    return jpt && jpt !== top ? person('PIMPINAN_TINGGI', jpt) : person('PPK_INSTANSI', top);
  }
  // RINGAN
  if (rank >= 4) return person('PPK_INSTANSI', top);
  const p = rank === 3 ? nearest(4) : nearest(Math.max(2, rank + 1));
  if (!p || p === top) return person('PPK_INSTANSI', top);
  return person(rank === 3 ? 'PIMPINAN_TINGGI' : 'ATASAN', p);
}
