import { Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, download } from '../../../api/client';
import { Pill } from './Pill';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatNip } from '../../../lib/format';
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
  const list = useInfiniteQuery({
    queryKey: ['admin-siasn-payloads', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (await api.GET(PATHS[filter.kind], { params: { query: { ...query, limit: 100, after: pageParam } as never } }))
        .data!,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const file = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => {
      const qs = new URLSearchParams(query).toString();
      const name = `siasn-${FILES[filter.kind]}-${query.period ?? query.year}.${format}`;
      return download(`/siasn/${FILES[filter.kind]}.${format}?${qs}`, name);
    },
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const notReady = items.filter((i) => i.status === 'NOT_READY').length;
  return (
    <Stack>
      <Title order={2}>Data siap kirim</Title>
      <Group>
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
      <ErrorBanner error={list.error ?? file.error} />
      {list.isPending && <Loader aria-label="Memuat data siap kirim" />}
      {list.data && items.length === 0 && <Text>Belum ada data final untuk pilihan ini.</Text>}
      {items.length > 0 && (
        <>
          <Text size="sm">
            {items.length} baris dimuat{notReady > 0 ? `, ${notReady} belum siap dikirim` : ''}.
          </Text>
          <Table.ScrollContainer minWidth={620}>
            <Table striped aria-label="Data siap kirim ke SIASN">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>NIP</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Keterangan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => {
                  const s = ITEM_STATUS_LABELS[i.status] ?? { label: i.status, color: 'gray' };
                  return (
                    <Table.Tr key={`${i.nip}-${i.sourceRef}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatNip(i.nip)}</Table.Td>
                      <Table.Td>
                        <Pill color={s.color}>{s.label}</Pill>
                      </Table.Td>
                      <Table.Td>
                        {i.problems.length > 0
                          ? i.problems.map((p) => (
                              <Text key={p.code} size="sm">
                                {p.message}
                              </Text>
                            ))
                          : (i.naturalKey ?? '')}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Muat lagi
          </Button>
        </Group>
      )}
    </Stack>
  );
}
