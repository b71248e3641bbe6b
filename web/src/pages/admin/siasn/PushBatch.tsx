import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatNip, formatNumber } from '../../../lib/format';
import { IMPORT_STATE_LABELS, ITEM_STATUS_LABELS } from './labels';
import { SiasnFilters, type SiasnFilter } from './SiasnFilters';

export const KIND_ENUM = { skp22: 'SKP22', kinerjaPeriodik: 'KINERJA_PERIODIK', angkaKredit: 'ANGKA_KREDIT' } as const;

const IN_FLIGHT = ['PENDING', 'SENDING'];

/** A push batch: polled until the batch is done and none of its rows is still on its way. */
function BatchProgress({ id, onChange }: { id: string; onChange: () => void }) {
  const q = useQuery({
    queryKey: ['admin-siasn-push', id],
    queryFn: async () => (await api.GET('/api/v1/siasn/push/{id}', { params: { path: { id } } })).data!,
    refetchInterval: (query) => {
      const d = query.state.data;
      if (!d || d.state === 'QUEUED' || d.state === 'RUNNING') return 2000;
      if (d.state === 'FAILED') return false;
      return IN_FLIGHT.some((s) => (d.counts[s] ?? 0) > 0) ? 5000 : false;
    },
  });
  const updatedAt = q.dataUpdatedAt;
  const seen = useRef(0);
  useEffect(() => {
    // The outbox list below is read again whenever the batch moved on.
    if (updatedAt && updatedAt !== seen.current) {
      seen.current = updatedAt;
      onChange();
    }
  }, [updatedAt, onChange]);
  if (!q.data) return <ErrorBanner error={q.error} />;
  const d = q.data;
  const inFlight = IN_FLIGHT.reduce((n, s) => n + (d.counts[s] ?? 0), 0);
  const finished = d.state === 'FAILED' || (d.state === 'DONE' && inFlight === 0);
  const counts = Object.entries(d.counts).filter(([, n]) => n > 0);
  return (
    <Alert
      color={d.state === 'FAILED' ? 'red' : finished ? 'green' : 'blue'}
      role="status"
      title={`Pengiriman ke SIASN: ${finished && d.state === 'DONE' ? 'Selesai' : (IMPORT_STATE_LABELS[d.state] ?? d.state)}`}
    >
      <Progress
        value={d.total ? ((d.total - inFlight) / d.total) * 100 : 100}
        aria-label="Kemajuan pengiriman ke SIASN"
        mb="xs"
      />
      <Text size="sm">
        {formatNumber(d.total)} baris dalam pengiriman
        {counts.length > 0 &&
          ': ' + counts.map(([s, n]) => `${ITEM_STATUS_LABELS[s]?.label ?? s} ${formatNumber(n)}`).join(', ')}
        {d.unchanged > 0 && `; ${formatNumber(d.unchanged)} tidak berubah (sudah dikirim)`}
        {d.notReady > 0 && `; ${formatNumber(d.notReady)} belum siap`}.
      </Text>
      {d.problems.length > 0 && (
        <List size="sm" mt="xs">
          {d.problems.map((p, i) => (
            <List.Item key={i}>
              {formatNip(p.nip)}: {p.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** "Kirim ke SIASN": jenis data, tahun / periode and an optional unit start a batch; its progress follows. */
export function PushForm({
  filter,
  onFilter,
  disabled,
  batchId,
  onStarted,
  onError,
  onChange,
}: {
  filter: SiasnFilter;
  onFilter: (f: SiasnFilter) => void;
  disabled: boolean;
  batchId: string | null;
  onStarted: (id: string) => void;
  onError: (e: unknown) => void;
  onChange: () => void;
}) {
  const push = useMutation({
    mutationFn: async () => {
      const kind = KIND_ENUM[filter.kind];
      return (
        await api.POST('/api/v1/siasn/push', {
          body: {
            kind,
            unitCode: filter.unitCode || undefined,
            ...(kind === 'KINERJA_PERIODIK' ? { period: filter.period } : { year: filter.year }),
          },
        })
      ).data!;
    },
    onSuccess: (b) => onStarted(b.id),
    onError,
  });
  return (
    <Stack gap="sm">
      <SiasnFilters value={filter} onChange={onFilter} />
      <Group>
        <Button disabled={disabled} loading={push.isPending} onClick={() => push.mutate()}>
          Kirim ke SIASN
        </Button>
      </Group>
      {batchId && <BatchProgress key={batchId} id={batchId} onChange={onChange} />}
    </Stack>
  );
}
