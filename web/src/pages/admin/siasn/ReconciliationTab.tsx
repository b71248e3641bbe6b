import { Alert, Button, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, download } from '../../../api/client';
import { DataTable } from '../../../components/DataTable';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useCursorPages } from '../../../lib/cursor-pages';
import { formatDateTime, formatMonth, formatNip, formatNumber } from '../../../lib/format';
import { DownloadButtons, type FileFormat } from './DownloadButtons';
import { Pill } from './Pill';
import { FIELD_LABELS, FINDING_LABELS, IMPORT_STATE_LABELS } from './labels';
import { filterQuery, type SiasnFilter } from './SiasnFilters';

/** `SKP22|nip|2026` → `2026`; `…|2026-04|2026-06|2` → `April 2026 – Juni 2026`. */
function periodOfKey(key: string): string {
  const p = key.split('|');
  if (p[0] === 'SKP22') return p[2];
  return p[2] === p[3] ? formatMonth(p[2]) : `${formatMonth(p[2])} – ${formatMonth(p[3])}`;
}

const shown = (v: string | number | null) => (v === null || v === '' ? '–' : String(v));

/** The import in progress: polled until it is done; then the report is read again. */
function ImportProgress({ id, onDone }: { id: string; onDone: () => void }) {
  const q = useQuery({
    queryKey: ['admin-siasn-import', id],
    queryFn: async () => (await api.GET('/api/v1/siasn/import/{id}', { params: { path: { id } } })).data!,
    refetchInterval: (query) => (['DONE', 'FAILED'].includes(query.state.data?.state ?? '') ? false : 1000),
  });
  const finished = q.data && ['DONE', 'FAILED'].includes(q.data.state);
  const told = useRef(false);
  useEffect(() => {
    // Once per import: the report is read again when the import ends.
    if (finished && !told.current) {
      told.current = true;
      onDone();
    }
  }, [finished, onDone]);
  if (!q.data) return <ErrorBanner error={q.error} />;
  const d = q.data;
  return (
    <Alert
      color={d.state === 'FAILED' ? 'red' : d.state === 'DONE' ? 'green' : 'blue'}
      role="status"
      title={`Impor dari SIASN: ${IMPORT_STATE_LABELS[d.state] ?? d.state}`}
    >
      <Progress value={d.total ? (d.done / d.total) * 100 : 100} aria-label="Kemajuan impor dari SIASN" mb="xs" />
      <Text size="sm">
        {formatNumber(d.done)} dari {formatNumber(d.total)} pegawai dibaca.
      </Text>
      {d.problems.length > 0 && (
        <List size="sm" mt="xs">
          {d.problems.map((p, i) => (
            <List.Item key={i}>
              {formatNip(p.nip)}: {p.problem}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Rekonsiliasi: what the engine would send against what the last import read from SIASN. */
export function ReconciliationTab({ filter }: { filter: SiasnFilter }) {
  const qc = useQueryClient();
  const [importId, setImportId] = useState<string | null>(null);
  const query = filterQuery(filter, true);
  const { query: report, rows } = useCursorPages(['admin-siasn-reconciliation', filter], async (after) => {
    const params = { query: { kind: filter.kind, ...query, limit: 100, after } as never };
    return (await api.GET('/api/v1/siasn/reconciliation', { params })).data!;
  });
  const start = useMutation({
    mutationFn: async () =>
      (
        await api.POST('/api/v1/siasn/import', {
          body: {
            kind: filter.kind,
            unitCode: filter.unitCode,
            ...(filter.kind === 'kinerjaPeriodik' ? { period: filter.period } : { year: filter.year }),
          },
        })
      ).data!,
    onSuccess: (v) => setImportId(v.id),
  });
  const file = useMutation({
    mutationFn: (format: FileFormat) => {
      const qs = new URLSearchParams({ kind: filter.kind, ...query }).toString();
      return download(`/siasn/reconciliation.${format}?${qs}`, `siasn-rekonsiliasi-${filter.kind}.${format}`);
    },
  });
  const first = report.data?.pages[0];
  const enabled = first?.siasnEnabled ?? false;
  return (
    <Stack>
      <Title order={2}>Rekonsiliasi</Title>
      <Text size="sm">
        Membandingkan data mesin dengan data yang dibaca dari SIASN. Mesin tidak pernah mengubah SIASN sendiri: setiap
        temuan diperiksa dan diperbaiki oleh petugas.
      </Text>
      {first && !enabled && (
        <Alert color="gray" title="SIASN belum diaktifkan">
          Impor dari SIASN tidak dapat dijalankan sampai koneksi SIASN diaktifkan. Data siap kirim tetap dapat diunduh
          dan diunggah manual.
        </Alert>
      )}
      <Group>
        <Button
          disabled={!enabled || !filter.unitCode}
          loading={start.isPending}
          onClick={() => {
            setImportId(null);
            start.mutate();
          }}
        >
          Impor dari SIASN
        </Button>
        <DownloadButtons file={file} />
      </Group>
      {enabled && !filter.unitCode && <Text size="sm">Pilih unit kerja untuk mengimpor datanya dari SIASN.</Text>}
      <ErrorBanner error={report.error ?? start.error ?? file.error} />
      {importId && (
        <ImportProgress
          key={importId}
          id={importId}
          onDone={() => qc.invalidateQueries({ queryKey: ['admin-siasn-reconciliation'] })}
        />
      )}
      <DataTable
        label="Temuan rekonsiliasi SIASN"
        minWidth={760}
        rows={rows}
        rowKey={(f) => `${f.matchKey}-${f.code}`}
        pending={report.isPending}
        loadingLabel="Memuat rekonsiliasi"
        summary={
          <>
            {first?.warnings.map((w) => (
              <Alert key={w} color="orange" title="Perlu Diperiksa">
                {w}
              </Alert>
            ))}
            {first && first.peopleRead > 0 && (
              <Text size="sm">
                {formatNumber(first.peopleRead)} pegawai sudah dibaca dari SIASN, terakhir{' '}
                {formatDateTime(first.lastReadAt)}.{rows?.length === 0 ? ' Tidak ada perbedaan.' : ''}
              </Text>
            )}
          </>
        }
        pager={report}
        columns={[
          {
            header: 'Temuan',
            cell: (f) => {
              const l = FINDING_LABELS[f.code] ?? { label: f.code, color: 'gray' };
              return <Pill color={l.color}>{l.label}</Pill>;
            },
          },
          { header: 'NIP', nowrap: true, cell: (f) => formatNip(f.nip) },
          { header: 'Periode', cell: (f) => periodOfKey(f.matchKey) },
          {
            header: 'Mesin / SIASN',
            cell: (f) => (
              <>
                {f.fields.map((d) => (
                  <Text key={d.field} size="sm">
                    {FIELD_LABELS[d.field] ?? d.field}: {shown(d.engine)} / {shown(d.siasn)}
                  </Text>
                ))}
                {f.siasnIds.length > 1 && <Text size="xs">ID SIASN: {f.siasnIds.join(', ')}</Text>}
              </>
            ),
          },
          { header: 'Keterangan', cell: (f) => <Text size="sm">{f.message}</Text> },
        ]}
      />
    </Stack>
  );
}
