import { Accordion, Alert, Button, Card, Checkbox, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime, formatMonth, formatNumber } from '../../../lib/format';
import { WARNING_TITLES } from '../../allowance/explain';
import { WarningLines } from './WarningLines';

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
const title = (code: string) => WARNING_TITLES[code] ?? `Peringatan ${code}`;

/** One month's TPP: the run with its progress, warnings by code with the lines behind each, the close, the payroll files. */
export function MonthPanel({ month }: { month: string }) {
  const qc = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const [acknowledge, setAcknowledge] = useState(false);
  const [open, setOpen] = useState<string[]>([]);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const monthView = useQuery({
    queryKey: ['admin-month', month],
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
  if (run.data?.status === 'DONE' && monthView.dataUpdatedAt < (run.dataUpdatedAt ?? 0)) {
    void qc.invalidateQueries({ queryKey: ['admin-month', month] });
    void qc.invalidateQueries({ queryKey: ['admin-warning-lines', month] });
  }
  const warnings = Object.entries(monthView.data?.warnings ?? {}).filter(([, n]) => n > 0);
  const closeWarnings =
    close.error instanceof ApiError ? (close.error.body.warnings as Record<string, number> | undefined) : undefined;
  const get = (ext: 'csv' | 'xlsx') =>
    download(`/payroll/allowances.${ext}?month=${month}`, `tpp-${month}.${ext}`).catch(setDownloadError);
  const total = Object.values(monthView.data?.lines ?? {}).reduce((a, b) => a + b, 0);
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>TPP bulan {formatMonth(month)}</Title>
        <ErrorBanner error={monthView.error ?? start.error} />
        {monthView.data && (
          <Text>
            Status:{' '}
            <b>
              {monthView.data.status === 'CLOSED' ? `Ditutup ${formatDateTime(monthView.data.closedAt)}` : 'Terbuka'}
            </b>{' '}
            · {formatNumber(total)} baris
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
              {run.data.total ? `(${formatNumber(run.data.processed ?? 0)} dari ${formatNumber(run.data.total)})` : ''}
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
          <Stack gap="xs">
            <Alert color="orange" title="Perlu Diperiksa" role="alert">
              {formatNumber(warnings.reduce((a, [, n]) => a + n, 0))} peringatan pada baris TPP bulan ini. Buka
              peringatan untuk melihat pegawai dan alasannya.
            </Alert>
            <Accordion multiple value={open} onChange={setOpen} variant="contained">
              {warnings.map(([code, n]) => (
                <Accordion.Item key={code} value={code}>
                  <Accordion.Control>
                    {title(code)}: {formatNumber(n)} baris
                  </Accordion.Control>
                  <Accordion.Panel>
                    {open.includes(code) && <WarningLines month={month} code={code} title={title(code)} />}
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>
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
                  .map(([code, n]) => `${title(code)}: ${formatNumber(n)}`)
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
  );
}
