import { ROLE_LABELS } from './labels';

/** The parts of a case that say who must act at each step. */
export interface CaseActors {
  kind: string;
  classification: { level: string | null };
  recommendation: { level: string | null } | null;
  competentOfficials: {
    level?: string;
    role: string;
    name: string | null;
    nip: string | null;
    positionTitle: string | null;
  }[];
  /** Netralitas facts: the recommending body of the act date (KASN, later BKN). */
  netralitas?: { recommendingBody?: { body: string; name: string } | null } | null;
}

const official = (o: CaseActors['competentOfficials'][number] | undefined, fallback: string) =>
  o
    ? `${ROLE_LABELS[o.role] ?? o.role}${o.name ? `: ${o.name}` : ''}${o.positionTitle ? `, ${o.positionTitle}` : ''}`
    : fallback;

/** Who must act at a step (PP 94/2021; SKB netralitas 2022): the office, the examiners, the recommending body, the official. */
export function whoActs(step: string, c: CaseActors): string {
  const netralitas = c.kind === 'NETRALITAS';
  const level = c.recommendation?.level ?? c.classification.level;
  const deciding = c.competentOfficials.find((o) => o.level === level) ?? c.competentOfficials[0];
  switch (step) {
    case 'verify':
      return netralitas
        ? 'BKPSDM (verifikasi laporan atau temuan)'
        : official(
            c.competentOfficials.find((o) => o.role === 'ATASAN'),
            'Atasan langsung',
          );
    case 'recommend':
      return netralitas
        ? (c.netralitas?.recommendingBody?.name ?? 'Lembaga pengawas netralitas ASN (KASN/BKN)')
        : 'Tim pemeriksa (atasan langsung bersama BKPSDM)';
    case 'decide':
      return official(deciding, 'Pejabat yang berwenang menghukum');
    case 'deliver':
      return 'BKPSDM (menyampaikan SK kepada pegawai)';
    default:
      return '–';
  }
}

/** A deadline rule without the engine's section references (`(03 §13.3)`, `INFERRED`). */
export function plainRule(rule: string): string {
  return rule
    .replace(/\s*\([^()]*(§|INFERRED)[^()]*\)/g, '')
    .replace(/\bSBT\b/g, 'sistem berbagi data (SBT)')
    .trim();
}
