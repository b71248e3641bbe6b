import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface UnitOption {
  code: string;
  name: string;
  depth: number;
}

/** Every unit of the tree (depth-first) for pickers: the label is indented by depth so the tree stays readable. */
export function useUnitOptions() {
  return useQuery({
    queryKey: ['admin-unit-options'],
    staleTime: 60_000,
    queryFn: async () => {
      const items: UnitOption[] = [];
      let after: string | undefined;
      do {
        const page = (await api.GET('/api/v1/units', { params: { query: { limit: 1000, after } } }))
          .data as unknown as {
          items: UnitOption[];
          nextCursor: string | null;
        };
        items.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after);
      return items;
    },
  });
}

export const unitSelectData = (units: UnitOption[] | undefined) =>
  (units ?? []).map((u) => ({ value: u.code, label: `${'\u00a0\u00a0'.repeat(u.depth)}${u.name} (${u.code})` }));

export const KIND_LABELS: Record<string, string> = {
  JPT_UTAMA: 'JPT Utama',
  JPT_MADYA: 'JPT Madya',
  JPT_PRATAMA: 'JPT Pratama',
  ADMINISTRATOR: 'Administrator',
  PENGAWAS: 'Pengawas',
  PELAKSANA: 'Pelaksana',
  FUNGSIONAL: 'Fungsional',
};
export const JENJANG_LABELS: Record<string, string> = {
  PEMULA: 'Pemula',
  TERAMPIL: 'Terampil',
  MAHIR: 'Mahir',
  PENYELIA: 'Penyelia',
  AHLI_PERTAMA: 'Ahli Pertama',
  AHLI_MUDA: 'Ahli Muda',
  AHLI_MADYA: 'Ahli Madya',
  AHLI_UTAMA: 'Ahli Utama',
};
export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
