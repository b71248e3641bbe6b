import { Alert, Button, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page, SkpListItem, SkpView } from '../../api/types';
import { useMe } from '../../auth/me';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { currentYear } from '../../lib/year';
import { CascadeMatrix } from './CascadeMatrix';
import { SkpEditor } from './SkpEditor';
import { SkpReadOnly } from './SkpReadOnly';

/** SKP Saya: the year's SKP, written, submitted, then read once approved (with the Matriks Peran Hasil). */
export function SkpSayaPage() {
  const me = useMe().data!;
  const [year, setYear] = useState(currentYear());
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['skp', 'mine', year],
    queryFn: async () =>
      (await api.GET('/api/v1/skp', { params: { query: { nip: me.nip, year } } })).data as unknown as Page<SkpListItem>,
  });
  const id = list.data?.items[0]?.id;
  const skp = useQuery({
    queryKey: ['skp', id],
    enabled: !!id,
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}', { params: { path: { id: id! } } })).data as unknown as SkpView,
  });
  const [approach, setApproach] = useState<'KUANTITATIF' | 'KUALITATIF'>('KUANTITATIF');
  const create = useMutation({
    mutationFn: async () =>
      (await api.POST('/api/v1/skp', { body: { year, approach, results: [], behaviors: [] } })).data,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['skp', 'mine', year] }),
  });
  const years = [currentYear() + 1, currentYear(), currentYear() - 1].map(String);

  return (
    <Stack>
      <Title order={1}>SKP Saya</Title>
      <Group align="end">
        <NativeSelect
          label="Tahun"
          data={years}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          w={120}
        />
        {skp.data && <StatusBadge status={skp.data.status} />}
      </Group>
      {(list.error || skp.error) && <ErrorBanner error={list.error ?? skp.error} />}
      {(list.isPending || (id && skp.isPending)) && <Loader aria-label="Memuat SKP" />}
      {list.data && !id && (
        <Stack gap="sm" maw={480}>
          <Text>Belum ada SKP untuk tahun {year}.</Text>
          <NativeSelect
            label="Pendekatan"
            data={[
              { value: 'KUANTITATIF', label: 'Kuantitatif' },
              { value: 'KUALITATIF', label: 'Kualitatif' },
            ]}
            value={approach}
            onChange={(e) => setApproach(e.currentTarget.value as typeof approach)}
          />
          <ErrorBanner error={create.error} />
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            Buat SKP {year}
          </Button>
        </Stack>
      )}
      {skp.data && (
        <>
          {skp.data.rejectionReason && skp.data.status === 'DRAFT' && (
            <Alert color="orange" title="Dikembalikan oleh Pejabat Penilai Kinerja" role="status">
              Alasan: {skp.data.rejectionReason}
            </Alert>
          )}
          {skp.data.status === 'SUBMITTED' && skp.data.submittedAt && (
            <Alert color="blue" role="status">
              Diajukan {formatDateTime(skp.data.submittedAt)}; menunggu persetujuan Pejabat Penilai Kinerja.
            </Alert>
          )}
          {skp.data.status === 'DRAFT' ? (
            <SkpEditor skp={skp.data} ppkNip={me.ppkNip} />
          ) : (
            <SkpReadOnly skp={skp.data} />
          )}
          {skp.data.status === 'APPROVED' && <CascadeMatrix skpId={skp.data.id} />}
        </>
      )}
    </Stack>
  );
}
