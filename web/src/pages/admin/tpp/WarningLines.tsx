import { Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatNip, formatRupiah } from '../../../lib/format';
import { warningSentence } from '../../allowance/explain';

type Page = components['schemas']['PayrollPage'];

/** The lines behind one warning code of a month: who, and why in a sentence (GET /payroll/allowances?warning=). */
export function WarningLines({ month, code, title }: { month: string; code: string; title: string }) {
  const lines = useInfiniteQuery({
    queryKey: ['admin-warning-lines', month, code],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.GET('/api/v1/payroll/allowances', {
          params: { query: { month, warning: code, limit: 50, after: pageParam } as never },
        })
      ).data as unknown as Page,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = lines.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="xs">
      <ErrorBanner error={lines.error} />
      {lines.isPending && <Loader size="sm" aria-label="Memuat pegawai" />}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={`Pegawai dengan peringatan: ${title}`} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Mengapa</Table.Th>
                <Table.Th ta="right">TPP Diterima</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((l) => {
                const w = l.warnings.find((x) => x.code === code);
                return (
                  <Table.Tr key={l.nip}>
                    <Table.Td>
                      <Text size="sm">{l.name}</Text>
                      <Text size="xs">NIP {formatNip(l.nip)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{w ? warningSentence(w, { ...l, month }) : ''}</Text>
                    </Table.Td>
                    <Table.Td ta="right" valign="top">
                      {formatRupiah(l.netAmount)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {lines.data && rows.length === 0 && <Text size="sm">Tidak ada baris dengan peringatan ini.</Text>}
      {lines.hasNextPage && (
        <Button
          variant="light"
          size="xs"
          onClick={() => void lines.fetchNextPage()}
          loading={lines.isFetchingNextPage}
          w="fit-content"
        >
          Muat lebih banyak
        </Button>
      )}
    </Stack>
  );
}
