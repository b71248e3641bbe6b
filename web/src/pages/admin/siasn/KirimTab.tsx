import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ApiError, humanMessage } from '../../../api/errors';
import { DataTable } from '../../../components/DataTable';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { FilterSelect } from '../../../components/FilterSelect';
import { useCursorPages } from '../../../lib/cursor-pages';
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
const STATE_OPTIONS = STATES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s].label }));
const KIND_FILTER = KIND_OPTIONS.map((o) => ({ value: KIND_ENUM[o.value], label: o.label }));

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
  const { query: outbox, rows } = useCursorPages(['admin-siasn-outbox', state, kind], async (after) => {
    const query = { state: state || undefined, kind: kind || undefined, limit: '100', after };
    return (await api.GET('/api/v1/siasn/outbox', { params: { query } })).data!;
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
        <FilterSelect
          label="Status kirim"
          all="Semua status"
          options={STATE_OPTIONS}
          value={state}
          onChange={setState}
          w={200}
        />
        <FilterSelect
          label="Jenis data kirim"
          all="Semua jenis"
          options={KIND_FILTER}
          value={kind}
          onChange={setKind}
          w={220}
        />
      </Group>
      <DataTable
        label="Antrean kirim SIASN"
        minWidth={760}
        rows={rows}
        rowKey={(r) => r.id}
        pending={outbox.isPending}
        loadingLabel="Memuat antrean kirim"
        empty="Belum ada data dalam antrean kirim."
        pager={outbox}
        columns={[
          { header: 'NIP', nowrap: true, cell: (r) => formatNip(r.nip) },
          {
            header: 'Jenis data',
            cell: (r) => (
              <>
                <Text size="sm">{KIND_LABELS[r.kind] ?? r.kind}</Text>
                <Text size="xs" c="dimmed">
                  {r.sourceRef}
                </Text>
              </>
            ),
          },
          {
            header: 'Status',
            cell: (r) => {
              const s = ITEM_STATUS_LABELS[r.state] ?? { label: r.state, color: 'gray' };
              return (
                <Badge color={s.color} variant="light">
                  {s.label}
                </Badge>
              );
            },
          },
          { header: 'Percobaan', cell: (r) => formatNumber(r.attempts) },
          { header: 'Percobaan terakhir', cell: (r) => <LastAttempt row={r} /> },
          {
            header: 'Tindakan',
            cell: (r) =>
              (r.state === 'FAILED' || r.state === 'DEAD') && (
                <Button
                  size="xs"
                  variant="default"
                  disabled={off !== null}
                  loading={retry.isPending && retry.variables === r.id}
                  onClick={() => retry.mutate(r.id)}
                >
                  Coba lagi
                </Button>
              ),
          },
        ]}
      />
    </Stack>
  );
}
