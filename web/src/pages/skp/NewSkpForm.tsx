import { Alert, Button, Checkbox, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../lib/format';

/** The day after `date` (YYYY-MM-DD). */
export const dayAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * A new SKP of the year: from 1 January, or (after a mutasi closed the previous one, spec 04 §1.2) from the
 * TMT of the new post, optionally starting from the RHK of the previous SKP ("Ambil SKP Lama").
 */
export function NewSkpForm({
  year,
  after,
  hasActing = false,
  onCreated,
}: {
  year: number;
  after?: { id: string; periodEnd: string };
  /** The year already has an ACTING SKP (a Plt): the one offered here is the definitive SKP. */
  hasActing?: boolean;
  onCreated: (id: string) => void;
}) {
  const qc = useQueryClient();
  const [approach, setApproach] = useState<'KUANTITATIF' | 'KUALITATIF'>('KUANTITATIF');
  const [copy, setCopy] = useState(true);
  const periodStart = after ? dayAfter(after.periodEnd) : undefined;
  const create = useMutation({
    mutationFn: async () =>
      (
        await api.POST('/api/v1/skp', {
          body: {
            year,
            approach,
            ...(periodStart && { periodStart, kind: 'DEFINITIVE' as const }),
            ...(after && copy && { copyFromSkpId: after.id }),
            results: [],
            behaviors: [],
          },
        })
      ).data as unknown as { id: string },
    onSuccess: async (skp) => {
      await qc.invalidateQueries({ queryKey: ['skp', 'mine', year] });
      onCreated(skp.id);
    },
  });
  return (
    <Stack gap="sm" maw={520}>
      {after ? (
        <Alert color="blue" title="SKP sebelumnya sudah ditutup" role="status">
          SKP Anda berakhir {formatDate(after.periodEnd)}. Susun SKP baru mulai {formatDate(periodStart)} (TMT jabatan
          baru) sampai akhir tahun.
        </Alert>
      ) : (
        <Text>
          Belum ada SKP {hasActing ? 'definitif ' : ''}untuk tahun {year}.
        </Text>
      )}
      <NativeSelect
        label="Pendekatan"
        data={[
          { value: 'KUANTITATIF', label: 'Kuantitatif' },
          { value: 'KUALITATIF', label: 'Kualitatif' },
        ]}
        value={approach}
        onChange={(e) => setApproach(e.currentTarget.value as typeof approach)}
      />
      {after && (
        <Checkbox
          label="Ambil RHK dari SKP sebelumnya"
          description="RHK dan indikatornya disalin; tautan ke RHK pimpinan lama tidak ikut"
          checked={copy}
          onChange={(e) => setCopy(e.currentTarget.checked)}
        />
      )}
      <ErrorBanner error={create.error} />
      <Button onClick={() => create.mutate()} loading={create.isPending}>
        {after ? `Buat SKP mulai ${formatDate(periodStart)}` : `Buat SKP ${year}`}
      </Button>
    </Stack>
  );
}
