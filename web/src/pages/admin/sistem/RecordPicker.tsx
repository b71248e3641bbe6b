import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { formatDate, formatNip, formatPeriod } from '../../../lib/format';
import { STATUS_LABELS } from '../../../lib/labels';
import { SKP_KIND_LABELS } from '../pegawai/labels';
import { unitSelectData, useUnitOptions } from '../unit-options';
import type { AuditEntity } from './audit-entities';
import { EmployeePicker } from './EmployeePicker';

interface SkpItem {
  id: string;
  periodStart: string;
  periodEnd: string;
  kind: string;
  status: string;
}
interface EvaluationItem {
  id: string | null;
  period: string;
  status?: string;
}

const skpLabel = (s: SkpItem) =>
  `${formatDate(s.periodStart)} – ${formatDate(s.periodEnd)} (${SKP_KIND_LABELS[s.kind] ?? s.kind}, ${STATUS_LABELS[s.status]?.label ?? s.status})`;

/** Chooses the record whose audit trail is shown: an employee by name/NIP, their SKP and evaluation, a unit, or an id. */
export function RecordPicker({ entity, onPick }: { entity: AuditEntity; onPick: (id: string) => void }) {
  const [employee, setEmployee] = useState<{ nip: string; name: string } | null>(null);
  const [skpId, setSkpId] = useState('');
  const [typed, setTyped] = useState('');
  const units = useUnitOptions();
  const needsSkp = entity.pick === 'skp' || entity.pick === 'evaluation';
  const skps = useQuery({
    queryKey: ['admin-employee-skp', employee?.nip],
    enabled: needsSkp && !!employee,
    queryFn: async () =>
      (await api.GET('/api/v1/skp', { params: { query: { nip: employee!.nip, limit: 100 } } })).data as unknown as {
        items: SkpItem[];
      },
  });
  const evaluations = useQuery({
    queryKey: ['admin-audit-evaluations', skpId],
    enabled: entity.pick === 'evaluation' && !!skpId,
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}/evaluations', { params: { path: { id: skpId } } })).data as unknown as {
        items: EvaluationItem[];
      },
  });

  if (entity.pick === 'unit')
    return (
      <NativeSelect
        label="Unit Kerja"
        data={[{ value: '', label: 'Pilih unit' }, ...unitSelectData(units.data)]}
        onChange={(e) => e.currentTarget.value && onPick(e.currentTarget.value)}
        maw={420}
      />
    );
  if (entity.pick === 'id')
    return (
      <Group align="end">
        <TextInput label="ID" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
        <Button disabled={!typed.trim()} onClick={() => onPick(typed.trim())}>
          Tampilkan
        </Button>
      </Group>
    );
  if (!employee)
    return (
      <EmployeePicker
        onPick={(e) => {
          setEmployee(e);
          if (entity.pick === 'employee') onPick(e.nip);
        }}
      />
    );
  const withId = (evaluations.data?.items ?? []).filter((e) => e.id);
  return (
    <Stack gap="xs">
      <Text size="sm">
        Pegawai: <b>{employee.name}</b> ({formatNip(employee.nip)}){' '}
        <Anchor component="button" type="button" size="sm" onClick={() => setEmployee(null)}>
          Ganti pegawai
        </Anchor>
      </Text>
      {needsSkp && skps.data && skps.data.items.length === 0 && <Text size="sm">Pegawai ini belum punya SKP.</Text>}
      {needsSkp && skps.data && skps.data.items.length > 0 && (
        <NativeSelect
          label="SKP"
          value={skpId}
          data={[
            { value: '', label: 'Pilih SKP' },
            ...skps.data.items.map((s) => ({ value: s.id, label: skpLabel(s) })),
          ]}
          onChange={(e) => {
            setSkpId(e.currentTarget.value);
            if (entity.pick === 'skp' && e.currentTarget.value) onPick(e.currentTarget.value);
          }}
          maw={520}
        />
      )}
      {entity.pick === 'evaluation' && evaluations.data && withId.length === 0 && (
        <Text size="sm">Belum ada evaluasi pada SKP ini.</Text>
      )}
      {entity.pick === 'evaluation' && withId.length > 0 && (
        <NativeSelect
          label="Periode evaluasi"
          data={[
            { value: '', label: 'Pilih periode' },
            ...withId.map((e) => ({ value: e.id!, label: formatPeriod(e.period) })),
          ]}
          onChange={(e) => e.currentTarget.value && onPick(e.currentTarget.value)}
          maw={320}
        />
      )}
    </Stack>
  );
}
