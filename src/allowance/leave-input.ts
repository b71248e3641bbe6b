import type { AllowanceWarning } from '../rules';

/**
 * Recorded leave → the rule's `leave` input (04 §5.2). A leave whose kind was not recorded costs nothing
 * and is not absence, but the line says so (LEAVE_KIND_MISSING): its cost depends on a kind nobody gave.
 */
export function leaveOfMonth(recorded: { type: string | null; days: number; childOrder?: number }[]): {
  items: { type: string; days: number; childOrder?: number }[];
  warnings: AllowanceWarning[];
} {
  const items = recorded.flatMap((l) => (l.type === null ? [] : [{ ...l, type: l.type }]));
  const unknown = recorded.filter((l) => l.type === null).reduce((s, l) => s + l.days, 0);
  const warnings: AllowanceWarning[] =
    unknown === 0
      ? []
      : [
          {
            code: 'LEAVE_KIND_MISSING',
            message: `Cuti ${unknown} hari tanpa jenis cuti: tidak ada potongan cuti dihitung; lengkapi jenis cuti pada presensi`,
          },
        ];
  return { items, warnings };
}
