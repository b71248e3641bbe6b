import { Anchor, Button, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatNip } from '../../lib/format';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, STEP_LABELS } from './disiplin/labels';
import { ElectionsCard } from './disiplin/ElectionsCard';
import { EscalationsCard } from './disiplin/Escalations';
import { HolidaysCard } from './disiplin/HolidaysCard';
import { NetralitasSummary } from './disiplin/NetralitasSummary';
import { ReportCaseForm } from './disiplin/ReportCaseForm';

interface CaseItem {
  id: string;
  reference: string;
  nip: string;
  name: string;
  kind: string;
  status: string;
  occurredOn: string;
  overdueSteps: string[];
  escalated: boolean;
}
const KIND = CASE_KIND_LABELS;

/** Disiplin: discipline and netralitas cases with their stage; overdue steps highlighted. */
export function DisiplinPage() {
  const [kind, setKind] = useState('');
  const cases = useInfiniteQuery({
    queryKey: ['admin-cases', kind],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.GET('/api/v1/discipline/cases', {
          params: { query: { kind: (kind || undefined) as never, after: pageParam, limit: 50 } },
        })
      ).data as unknown as { items: CaseItem[]; nextCursor: string | null },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Title order={1}>Disiplin</Title>
      <ReportCaseForm />
      <NetralitasSummary />
      <EscalationsCard />
      <ElectionsCard />
      <Title order={2}>Daftar kasus</Title>
      <NativeSelect
        label="Jenis kasus"
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value)}
        maw={320}
        data={[{ value: '', label: 'Semua' }, ...Object.entries(KIND).map(([value, label]) => ({ value, label }))]}
      />
      <ErrorBanner error={cases.error} />
      {cases.isPending && <Loader aria-label="Memuat kasus" />}
      {cases.data && rows.length === 0 && <Text>Belum ada kasus.</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nomor</Table.Th>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Jenis</Table.Th>
                <Table.Th>Terjadi</Table.Th>
                <Table.Th>Tahap</Table.Th>
                <Table.Th>Tenggat</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/disiplin/${c.id}`}>
                      {c.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {c.name} ({formatNip(c.nip)})
                  </Table.Td>
                  <Table.Td>{KIND[c.kind] ?? c.kind}</Table.Td>
                  <Table.Td>{formatDate(c.occurredOn)}</Table.Td>
                  <Table.Td>{CASE_STATUS_LABELS[c.status] ?? c.status}</Table.Td>
                  <Table.Td>
                    {c.overdueSteps.length > 0 ? (
                      <Text span fw={700} c="red.9">
                        Lewat tenggat: {c.overdueSteps.map((s) => STEP_LABELS[s] ?? s).join(', ')}
                      </Text>
                    ) : (
                      'Sesuai jadwal'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cases.hasNextPage && (
        <Button variant="light" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          Muat lebih banyak
        </Button>
      )}
      <HolidaysCard />
    </Stack>
  );
}
