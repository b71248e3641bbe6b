import { Alert, Button, Card, Checkbox, Group, List, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime, formatMonth, formatNumber } from '../../lib/format';
import { RuleSetsCard } from './tpp/RuleSetsCard';

interface Run {
  id: string;
  status: string;
  processed?: number;
  total?: number;
}
interface MonthView {
  month: string;
  status: 'OPEN' | 'CLOSED';
  closedAt: string | null;
  lines: Record<string, number>;
  warnings: Record<string, number>;
  adjustments: number;
}

const RUN_STATUS: Record<string, string> = {
  QUEUED: 'Menunggu antrean',
  RUNNING: 'Berjalan',
  DONE: 'Selesai',
  FAILED: 'Gagal',
};
/** Warning codes of allowance lines (spec 03) in the office's words; the code stays visible for the helpdesk. */
const WARNING_LABELS: Record<string, string> = {
  ATTENDANCE_MISSING: 'Data presensi belum ada (dihitung hadir penuh)',
  PREDIKAT_MISSING: 'Predikat kinerja periode belum final',
  PREDIKAT_HELD: 'Predikat kinerja ditahan',
  CEILING_EXCEEDED: 'Besaran TPP melebihi Basic TPP',
  STATUS_UNKNOWN: 'Status pegawai tidak ada dalam aturan TPP',
  NO_RULE_SET: 'Aturan TPP tidak ditemukan',
  RULESET_MISSING: 'Aturan TPP tidak ditemukan (tidak dihitung)',
  LEAVE_RULE_MISSING: 'Aturan cuti tidak ditemukan',
  HUKDIS_NOT_APPLIED: 'Hukuman disiplin belum diterapkan',
  INPUT_INVALID: 'Data tidak valid (tidak dihitung)',
};

/** Pembayaran TPP: the month's run with its progress, warnings by code, the month close (acknowledging warnings) and the payroll files. */
export function PembayaranTppPage() {
  const qc = useQueryClient();
  const [month, setMonth] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const [acknowledge, setAcknowledge] = useState(false);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const monthView = useQuery({
    queryKey: ['admin-month', month],
    enabled: valid,
    queryFn: async () =>
      (await api.GET('/api/v1/allowance/months/{month}', { params: { path: { month } } })).data as unknown as MonthView,
  });
  const run = useQuery({
    queryKey: ['admin-run', runId],
    enabled: !!runId,
    queryFn: async () =>
      (await api.GET('/api/v1/allowance/runs/{id}', { params: { path: { id: runId! } } })).data as unknown as Run,
    refetchInterval: (q) => (q.state.data && ['DONE', 'FAILED'].includes(q.state.data.status) ? false : 1000),
  });
  const start = useMutation({
    mutationFn: async () =>
      (await api.POST('/api/v1/allowance/runs', { body: { month } as never })).data as unknown as Run,
    onSuccess: (r) => setRunId(r.id),
  });
  const close = useMutation({
    mutationFn: async () =>
      (
        await api.POST('/api/v1/allowance/months/{month}/close', {
          params: { path: { month } },
          body: { acknowledgeWarnings: acknowledge } as never,
        })
      ).data,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-month', month] }),
  });
  if (run.data?.status === 'DONE' && monthView.dataUpdatedAt < (run.dataUpdatedAt ?? 0))
    void qc.invalidateQueries({ queryKey: ['admin-month', month] });
  const warnings = Object.entries(monthView.data?.warnings ?? {}).filter(([, n]) => n > 0);
  const closeWarnings =
    close.error instanceof ApiError ? (close.error.body.warnings as Record<string, number> | undefined) : undefined;
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const get = (ext: 'csv' | 'xlsx') =>
    download(`/payroll/allowances.${ext}?month=${month}`, `tpp-${month}.${ext}`).catch(setDownloadError);
  return (
    <Stack>
      <Title order={1}>Pembayaran TPP</Title>
      <RuleSetsCard />
      <TextInput
        label="Bulan (YYYY-MM)"
        value={month}
        onChange={(e) => setMonth(e.currentTarget.value.trim())}
        placeholder="2026-11"
        maw={200}
      />
      {valid && (
        <Card withBorder>
          <Stack>
            <Title order={2}>TPP bulan {formatMonth(month)}</Title>
            <ErrorBanner error={monthView.error ?? start.error} />
            {monthView.data && (
              <Text>
                Status:{' '}
                <b>
                  {monthView.data.status === 'CLOSED'
                    ? `Ditutup ${formatDateTime(monthView.data.closedAt)}`
                    : 'Terbuka'}
                </b>{' '}
                · {formatNumber(Object.values(monthView.data.lines).reduce((a, b) => a + b, 0))} baris
              </Text>
            )}
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                Jalankan perhitungan
              </Button>
            </Group>
            {run.data && (
              <Stack gap={4}>
                <Text size="sm">
                  Perhitungan: {RUN_STATUS[run.data.status] ?? run.data.status}{' '}
                  {run.data.total
                    ? `(${formatNumber(run.data.processed ?? 0)} dari ${formatNumber(run.data.total)})`
                    : ''}
                </Text>
                <Progress
                  value={
                    run.data.total
                      ? ((run.data.processed ?? 0) / run.data.total) * 100
                      : run.data.status === 'DONE'
                        ? 100
                        : 5
                  }
                  aria-label="Kemajuan perhitungan TPP"
                />
              </Stack>
            )}
            {warnings.length > 0 && (
              <Alert color="orange" title="Perlu Diperiksa">
                <List>
                  {warnings.map(([code, n]) => (
                    <List.Item key={code}>
                      {WARNING_LABELS[code] ?? code} ({code}): {formatNumber(n)} baris
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {monthView.data?.status === 'OPEN' && (
              <>
                <Checkbox
                  label="Saya sudah memeriksa peringatan dan tetap menutup bulan ini"
                  checked={acknowledge}
                  onChange={(e) => setAcknowledge(e.currentTarget.checked)}
                />
                <Group>
                  <Button color="red" onClick={() => close.mutate()} loading={close.isPending}>
                    Tutup bulan
                  </Button>
                </Group>
              </>
            )}
            {close.isError && (
              <Alert color="red" role="alert" title="Bulan belum ditutup">
                {closeWarnings ? (
                  <Text size="sm">
                    Ada baris TPP dengan peringatan (
                    {Object.entries(closeWarnings)
                      .map(([code, n]) => `${WARNING_LABELS[code] ?? code}: ${formatNumber(n)}`)
                      .join('; ')}
                    ). Centang pernyataan di atas untuk menutup dengan peringatan.
                  </Text>
                ) : (
                  <Text size="sm">{close.error instanceof ApiError ? close.error.message : 'Permintaan gagal'}</Text>
                )}
              </Alert>
            )}
            {close.data !== undefined && (
              <Alert color="green" role="status">
                Bulan {formatMonth(month)} ditutup.
              </Alert>
            )}
            <Group>
              <Button variant="light" onClick={() => void get('csv')}>
                Unduh CSV
              </Button>
              <Button variant="light" onClick={() => void get('xlsx')}>
                Unduh Excel
              </Button>
            </Group>
            <ErrorBanner error={downloadError} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
