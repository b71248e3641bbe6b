import { Alert, Button, Group, List, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, download } from '../../../api/client';
import { Pill } from './Pill';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime, formatMonth, formatNip, formatNumber } from '../../../lib/format';
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
  const report = useInfiniteQuery({
    queryKey: ['admin-siasn-reconciliation', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.GET('/api/v1/siasn/reconciliation', {
          params: { query: { kind: filter.kind, ...query, limit: 100, after: pageParam } as never },
        })
      ).data!,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
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
    mutationFn: (format: 'csv' | 'xlsx') => {
      const qs = new URLSearchParams({ kind: filter.kind, ...query }).toString();
      return download(`/siasn/reconciliation.${format}?${qs}`, `siasn-rekonsiliasi-${filter.kind}.${format}`);
    },
  });
  const first = report.data?.pages[0];
  const items = report.data?.pages.flatMap((p) => p.items) ?? [];
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
        <Button
          variant="default"
          loading={file.isPending && file.variables === 'csv'}
          onClick={() => file.mutate('csv')}
        >
          Unduh CSV
        </Button>
        <Button
          variant="default"
          loading={file.isPending && file.variables === 'xlsx'}
          onClick={() => file.mutate('xlsx')}
        >
          Unduh Excel
        </Button>
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
      {report.isPending && <Loader aria-label="Memuat rekonsiliasi" />}
      {first?.warnings.map((w) => (
        <Alert key={w} color="orange" title="Perlu Diperiksa">
          {w}
        </Alert>
      ))}
      {first && first.peopleRead > 0 && (
        <Text size="sm">
          {formatNumber(first.peopleRead)} pegawai sudah dibaca dari SIASN, terakhir {formatDateTime(first.lastReadAt)}.
          {items.length === 0 ? ' Tidak ada perbedaan.' : ''}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Temuan rekonsiliasi SIASN">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Temuan</Table.Th>
                <Table.Th>NIP</Table.Th>
                <Table.Th>Periode</Table.Th>
                <Table.Th>Mesin / SIASN</Table.Th>
                <Table.Th>Keterangan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => {
                const l = FINDING_LABELS[f.code] ?? { label: f.code, color: 'gray' };
                return (
                  <Table.Tr key={`${f.matchKey}-${f.code}`}>
                    <Table.Td>
                      <Pill color={l.color}>{l.label}</Pill>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatNip(f.nip)}</Table.Td>
                    <Table.Td>{periodOfKey(f.matchKey)}</Table.Td>
                    <Table.Td>
                      {f.fields.map((d) => (
                        <Text key={d.field} size="sm">
                          {FIELD_LABELS[d.field] ?? d.field}: {shown(d.engine)} / {shown(d.siasn)}
                        </Text>
                      ))}
                      {f.siasnIds.length > 1 && <Text size="xs">ID SIASN: {f.siasnIds.join(', ')}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.message}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {report.hasNextPage && (
        <Group>
          <Button variant="default" loading={report.isFetchingNextPage} onClick={() => report.fetchNextPage()}>
            Muat lagi
          </Button>
        </Group>
      )}
    </Stack>
  );
}
