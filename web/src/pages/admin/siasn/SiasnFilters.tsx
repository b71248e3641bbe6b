import { Group, NativeSelect, NumberInput } from '@mantine/core';
import { formatPeriod } from '../../../lib/format';
import { UnitFilter } from '../UnitFilter';
import { KIND_OPTIONS, type SiasnKindParam } from './labels';

export interface SiasnFilter {
  kind: SiasnKindParam;
  year: number;
  period: string;
  unitCode: string;
}

/** The query of a SIASN list: `year` (or `period` for kinerja periodik) and the unit. */
export function filterQuery(f: SiasnFilter, withUnit = f.kind !== 'angkaKredit'): Record<string, string> {
  const q: Record<string, string> = f.kind === 'kinerjaPeriodik' ? { period: f.period } : { year: String(f.year) };
  if (f.unitCode && withUnit) q.unitCode = f.unitCode;
  return q;
}

const quarters = (year: number) =>
  [1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: formatPeriod(`${year}-Q${q}`) }));

/** Jenis data, tahun (or periode) and unit, shared by the ready payloads and the reconciliation. */
export function SiasnFilters({ value, onChange }: { value: SiasnFilter; onChange: (f: SiasnFilter) => void }) {
  return (
    <Group align="end" wrap="wrap">
      <NativeSelect
        label="Jenis data"
        value={value.kind}
        onChange={(e) => onChange({ ...value, kind: e.currentTarget.value as SiasnKindParam })}
        data={KIND_OPTIONS}
        w={220}
      />
      <NumberInput
        label="Tahun"
        value={value.year}
        min={2000}
        max={2100}
        allowDecimal={false}
        onChange={(v) => {
          const year = Number(v) || value.year;
          onChange({ ...value, year, period: `${year}-${value.period.slice(5) || 'Q1'}` });
        }}
        w={110}
      />
      {value.kind === 'kinerjaPeriodik' && (
        <NativeSelect
          label="Periode"
          value={value.period}
          onChange={(e) => onChange({ ...value, period: e.currentTarget.value })}
          data={quarters(value.year)}
          w={180}
        />
      )}
      <UnitFilter value={value.unitCode} onChange={(unitCode) => onChange({ ...value, unitCode })} w={280} maw="100%" />
    </Group>
  );
}
