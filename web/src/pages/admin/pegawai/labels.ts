/** Screen words for the employee page's codes (spec 04 §1.2 events; glossary "Plt / Plh"). */
export const EVENT_LABELS: Record<string, string> = {
  MUTASI: 'Mutasi',
  PROMOSI: 'Promosi',
  DEMOSI: 'Demosi',
  PPK_CHANGE: 'Pergantian Pejabat Penilai Kinerja',
  PLT_START: 'Mulai Plt',
  PLT_END: 'Selesai Plt',
  PENSIUN: 'Pensiun',
  BERHENTI: 'Berhenti',
  MENINGGAL: 'Meninggal dunia',
  CLTN: 'Cuti di Luar Tanggungan Negara (CLTN)',
  TUGAS_BELAJAR: 'Tugas belajar',
  CPNS_START: 'Mulai CPNS',
};

export const DELEGATION_KIND_LABELS: Record<string, string> = { PLT: 'Plt', PLH: 'Plh', DELEGASI: 'Delegasi' };

export const SKP_KIND_LABELS: Record<string, string> = { DEFINITIVE: 'Definitif', ACTING: 'Plt' };

/** Where the audit trail of a record opens (Sistem → Jejak audit, filled in from the link). */
export const auditLink = (entity: string, id: string) =>
  `/admin/sistem?${new URLSearchParams({ entity, id }).toString()}#jejak-audit`;
