import { Alert, Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ApiError, humanMessage } from '../../../api/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime, formatNip, formatNumber } from '../../../lib/format';
import { ITEM_STATUS_LABELS, KIND_OPTIONS } from './labels';
import { KIND_ENUM, PushForm } from './PushBatch';
import { SiasnStatusSummary, useSiasnStatus } from './SiasnStatus';
import type { SiasnFilter } from './SiasnFilters';

type OutboxState = components['schemas']['SiasnOutboxState'];
type OutboxRow = components['schemas']['SiasnOutboxRowView'];
type Kind = components['schemas']['SiasnKind'];

const STATES: OutboxState[] = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD', 'SUPERSEDED'];
const KIND_LABELS: Record<string, string> = Object.fromEntries(KIND_OPTIONS.map((o) => [KIND_ENUM[o.value], o.label]));

/** A 409 of push / retry saying the SIASN exchange is off (switched off after the status was read). */
function disabledReason(e: unknown): string | null {
  return e instanceof ApiError && e.status === 409 && /SIASN_ENABLED/.test(e.message) ? humanMessage(e.message) : null;
}

/** The reason without the alert's own title in front, as a sentence. */
function sentence(reason: string): string {
  const rest = reason.replace(/^SIASN belum diaktifkan:\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Last attempt: when, HTTP status and SIASN's message (or what the row is waiting for). */
function LastAttempt({ row }: { row: OutboxRow }) {
  const a = row.lastAttempt;
  const message = row.lastError ?? (a?.outcome !== 'SENT' ? a?.response : null);
  return (
    <Stack gap={2}>
      {a ? (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(a.at)}
          {a.httpStatus !== null && ` · HTTP ${a.httpStatus}`}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Belum pernah dikirim
        </Text>
      )}
      {message && <Text size="sm">{message}</Text>}
      {row.siasnId && <Text size="xs">ID SIASN {row.siasnId}</Text>}
      {row.nextAttemptAt && row.state === 'PENDING' && (
        <Text size="xs">Dicoba lagi {formatDateTime(row.nextAttemptAt)}</Text>
      )}
    </Stack>
  );
}

/** Kirim: start a push batch and follow it; the outbox by state, with "Coba lagi" for Gagal and Mati rows. */
export function KirimTab({ filter, onFilter }: { filter: SiasnFilter; onFilter: (f: SiasnFilter) => void }) {
  const qc = useQueryClient();
  const [state, setState] = useState<OutboxState | ''>('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [batchId, setBatchId] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const status = useSiasnStatus();
  // Known before any click (GET /siasn/status); a 409 still tells when it was switched off meanwhile.
  const off = status.data && !status.data.enabled ? (status.data.reason ?? 'SIASN belum diaktifkan') : refused;
  const [error, setError] = useState<unknown>(null);
  const outbox = useInfiniteQuery({
    queryKey: ['admin-siasn-outbox', state, kind],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.GET('/api/v1/siasn/outbox', {
          params: { query: { state: state || undefined, kind: kind || undefined, limit: '100', after: pageParam } },
        })
      ).data!,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = useCallback(
    () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['admin-siasn-outbox'] }),
        qc.invalidateQueries({ queryKey: ['admin-siasn-status'] }),
      ]),
    [qc],
  );
  const failed = (e: unknown) => {
    const reason = disabledReason(e);
    setRefused(reason);
    setError(reason ? null : e);
  };
  const retry = useMutation({
    mutationFn: async (id: string) =>
      (await api.POST('/api/v1/siasn/outbox/{id}/retry', { params: { path: { id } } })).data!,
    onSuccess: () => {
      setError(null);
      return refresh();
    },
    onError: failed,
  });
  const rows = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Title order={2}>Kirim ke SIASN</Title>
      <Text size="sm">
        Data siap kirim dikirim ke SIASN per jenis data dan tahun (atau periode). Baris Gagal: perbaiki penyebabnya
        (pemetaan identitas, penilai, PAK) lalu kirim ulang lingkupnya, atau Coba lagi bila data sudah benar. Baris
        Mati: SIASN atau jaringan tidak menjawab; periksa koneksi SIASN lalu Coba lagi.
      </Text>
      {off && (
        <Alert color="gray" title="SIASN belum diaktifkan" role="alert">
          {sentence(off)}. Kirim ke SIASN dan Coba lagi tidak dapat dijalankan sampai koneksi SIASN diaktifkan; data
          siap kirim tetap dapat diunduh dan diunggah manual.
        </Alert>
      )}
      {status.data && <SiasnStatusSummary status={status.data} />}
      <PushForm
        filter={filter}
        onFilter={onFilter}
        disabled={off !== null || status.isPending}
        batchId={batchId}
        onStarted={(id) => {
          setError(null);
          setBatchId(id);
        }}
        onError={failed}
        onChange={refresh}
      />
      <ErrorBanner error={error ?? outbox.error ?? status.error} />
      <Title order={3}>Antrean kirim</Title>
      <Group align="end" wrap="wrap">
        <NativeSelect
          label="Status kirim"
          value={state}
          onChange={(e) => setState(e.currentTarget.value as OutboxState | '')}
          data={[
            { value: '', label: 'Semua status' },
            ...STATES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s].label })),
          ]}
          w={200}
        />
        <NativeSelect
          label="Jenis data kirim"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as Kind | '')}
          data={[
            { value: '', label: 'Semua jenis' },
            ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })),
          ]}
          w={220}
        />
      </Group>
      {outbox.isPending && <Loader aria-label="Memuat antrean kirim" />}
      {outbox.data && rows.length === 0 && <Text>Belum ada data dalam antrean kirim.</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Antrean kirim SIASN">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>NIP</Table.Th>
                <Table.Th>Jenis data</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Percobaan</Table.Th>
                <Table.Th>Percobaan terakhir</Table.Th>
                <Table.Th>Tindakan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const s = ITEM_STATUS_LABELS[r.state] ?? { label: r.state, color: 'gray' };
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatNip(r.nip)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{KIND_LABELS[r.kind] ?? r.kind}</Text>
                      <Text size="xs" c="dimmed">
                        {r.sourceRef}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={s.color} variant="light">
                        {s.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatNumber(r.attempts)}</Table.Td>
                    <Table.Td>
                      <LastAttempt row={r} />
                    </Table.Td>
                    <Table.Td>
                      {(r.state === 'FAILED' || r.state === 'DEAD') && (
                        <Button
                          size="xs"
                          variant="default"
                          disabled={off !== null}
                          loading={retry.isPending && retry.variables === r.id}
                          onClick={() => retry.mutate(r.id)}
                        >
                          Coba lagi
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {outbox.hasNextPage && (
        <Group>
          <Button variant="default" loading={outbox.isFetchingNextPage} onClick={() => outbox.fetchNextPage()}>
            Muat lagi
          </Button>
        </Group>
      )}
    </Stack>
  );
}
