import { Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatNumber } from '../../../lib/format';
import { CASE_STATUS_LABELS } from './labels';

interface Summary {
  total: number;
  escalated: number;
  byStatus: Record<string, number>;
  byUnit: { unitCode: string; unitName: string; counts: Record<string, number>; total: number }[];
  byRecommendingBody: Record<string, number>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Netralitas cases of an election period per unit and status, and the SBT export of the same period. */
export function NetralitasSummary() {
  const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date());
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const valid = DATE.test(from) && DATE.test(to);
  // An election period (pemilu / pilkada as admin data) fills the dates; the dates stay editable.
  const elections = useQuery({
    queryKey: ['admin-elections'],
    queryFn: async () =>
      (await api.GET('/api/v1/discipline/elections', {})).data as unknown as {
        items: { code: string; name: string; from: string; to: string }[];
      },
  });
  const election = elections.data?.items.find((e) => e.from === from && e.to === to)?.code ?? '';
  const summary = useQuery({
    queryKey: ['admin-cases', 'summary', from, to],
    enabled: valid,
    queryFn: async () =>
      (await api.GET('/api/v1/discipline/cases/summary', { params: { query: { from, to } } }))
        .data as unknown as Summary,
  });
  const [exportError, setExportError] = useState<unknown>(null);
  const statuses = Object.keys(CASE_STATUS_LABELS).filter((s) => summary.data?.byStatus[s]);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2}>Rekap netralitas masa pemilihan</Title>
        <Group align="end">
          {(elections.data?.items.length ?? 0) > 0 && (
            <NativeSelect
              label="Masa pemilihan"
              value={election}
              onChange={(e) => {
                const picked = elections.data?.items.find((x) => x.code === e.currentTarget.value);
                if (picked) {
                  setFrom(picked.from);
                  setTo(picked.to);
                }
              }}
              data={[
                { value: '', label: 'Rentang tanggal sendiri' },
                ...(elections.data?.items ?? []).map((x) => ({
                  value: x.code,
                  label: `${x.name} (${formatDate(x.from)} – ${formatDate(x.to)})`,
                })),
              ]}
            />
          )}
          <TextInput type="date" label="Dari" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label="Sampai" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button
            variant="light"
            disabled={!valid}
            onClick={() =>
              void download(
                `/discipline/cases/export.xlsx?kind=NETRALITAS&from=${from}&to=${to}`,
                `sbt-netralitas-${from}-${to}.xlsx`,
              ).catch(setExportError)
            }
          >
            Unduh Excel (SBT)
          </Button>
        </Group>
        <ErrorBanner error={summary.error ?? exportError} />
        {summary.data && (
          <Text size="sm">
            {formatNumber(summary.data.total)} kasus, {formatNumber(summary.data.escalated)} dieskalasi.
          </Text>
        )}
        {summary.data && Object.keys(summary.data.byRecommendingBody).length > 0 && (
          <Text size="sm" data-testid="summary-recommending-body">
            Lembaga pemberi rekomendasi:{' '}
            {Object.entries(summary.data.byRecommendingBody)
              .map(([body, n]) => `${body} ${formatNumber(n)} kasus`)
              .join(', ')}
          </Text>
        )}
        {summary.data && summary.data.byUnit.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label="Rekap netralitas per unit">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Unit Kerja</Table.Th>
                  {statuses.map((s) => (
                    <Table.Th key={s}>{CASE_STATUS_LABELS[s]}</Table.Th>
                  ))}
                  <Table.Th>Jumlah</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.data.byUnit.map((u) => (
                  <Table.Tr key={u.unitCode}>
                    <Table.Td>{u.unitName}</Table.Td>
                    {statuses.map((s) => (
                      <Table.Td key={s}>{formatNumber(u.counts[s] ?? 0)}</Table.Td>
                    ))}
                    <Table.Td>{formatNumber(u.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
