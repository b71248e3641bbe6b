import { Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, download } from '../../../api/client';
import { DataTable } from '../../../components/DataTable';
import { formatNip } from '../../../lib/format';
import { useCursorPages } from '../../../lib/cursor-pages';
import { DownloadButtons, type FileFormat } from './DownloadButtons';
import { Pill } from './Pill';
import { ITEM_STATUS_LABELS } from './labels';
import { filterQuery, type SiasnFilter } from './SiasnFilters';

const PATHS = {
  skp22: '/api/v1/siasn/skp22',
  kinerjaPeriodik: '/api/v1/siasn/kinerja-periodik',
  angkaKredit: '/api/v1/siasn/angka-kredit',
} as const;
const FILES = { skp22: 'skp22', kinerjaPeriodik: 'kinerja-periodik', angkaKredit: 'angka-kredit' } as const;

/** Data siap kirim: the `…/save` bodies per kind and year, NOT_READY rows with their problems in words; CSV/XLSX. */
export function PayloadsTab({ filter }: { filter: SiasnFilter }) {
  const query = filterQuery(filter);
  const { query: list, rows } = useCursorPages(
    ['admin-siasn-payloads', filter],
    async (after) =>
      (await api.GET(PATHS[filter.kind], { params: { query: { ...query, limit: 100, after } as never } })).data!,
  );
  const file = useMutation({
    mutationFn: (format: FileFormat) => {
      const qs = new URLSearchParams(query).toString();
      const name = `siasn-${FILES[filter.kind]}-${query.period ?? query.year}.${format}`;
      return download(`/siasn/${FILES[filter.kind]}.${format}?${qs}`, name);
    },
  });
  const items = rows ?? [];
  const notReady = items.filter((i) => i.status === 'NOT_READY').length;
  return (
    <Stack>
      <Title order={2}>Data siap kirim</Title>
      <Group>
        <DownloadButtons file={file} />
      </Group>
      <DataTable
        label="Data siap kirim ke SIASN"
        minWidth={620}
        rows={rows}
        rowKey={(i) => `${i.nip}-${i.sourceRef}`}
        pending={list.isPending}
        loadingLabel="Memuat data siap kirim"
        error={list.error ?? file.error}
        empty="Belum ada data final untuk pilihan ini."
        summary={
          items.length > 0 && (
            <Text size="sm">
              {items.length} baris dimuat{notReady > 0 ? `, ${notReady} belum siap dikirim` : ''}.
            </Text>
          )
        }
        pager={list}
        columns={[
          { header: 'NIP', nowrap: true, cell: (i) => formatNip(i.nip) },
          {
            header: 'Status',
            cell: (i) => {
              const s = ITEM_STATUS_LABELS[i.status] ?? { label: i.status, color: 'gray' };
              return <Pill color={s.color}>{s.label}</Pill>;
            },
          },
          {
            header: 'Keterangan',
            cell: (i) =>
              i.problems.length > 0
                ? i.problems.map((p) => (
                    <Text key={p.code} size="sm">
                      {p.message}
                    </Text>
                  ))
                : (i.naturalKey ?? ''),
          },
        ]}
      />
    </Stack>
  );
}
