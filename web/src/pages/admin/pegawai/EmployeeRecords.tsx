import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiError, humanMessage } from '../../../api/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { StatusBadge } from '../../../components/StatusBadge';
import { formatCredit, formatDate, formatNip, formatPeriod } from '../../../lib/format';

interface Skp {
  id: string;
  year: number;
  status: string;
  positionTitle: string;
}
interface Delegation {
  id: string;
  ppkNip: string;
  ppkName: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
}
interface Outcome {
  type: string;
  reason: string;
  period: string | null;
}

/** What the office looks up on an employee: SKPs by year, Plt/Plh PPK, Angka Kredit and Riwayat (outcomes). */
export function EmployeeRecords({ nip }: { nip: string }) {
  const skp = useQuery({
    queryKey: ['admin-employee-skp', nip],
    queryFn: async () =>
      (await api.GET('/api/v1/skp', { params: { query: { nip, limit: 50 } } })).data as unknown as { items: Skp[] },
  });
  const delegations = useQuery({
    queryKey: ['admin-employee-delegations', nip],
    queryFn: async () =>
      (await api.GET('/api/v1/delegations', { params: { query: { employeeNip: nip, limit: 50 } } }))
        .data as unknown as { items: Delegation[] },
  });
  const credit = useQuery({
    queryKey: ['admin-employee-credit', nip],
    queryFn: async () =>
      (await api.GET('/api/v1/employees/{nip}/credit', { params: { path: { nip } } })).data as unknown as {
        balance: string;
        informational?: boolean;
      },
  });
  const outcomes = useQuery({
    queryKey: ['admin-employee-outcomes', nip],
    queryFn: async () =>
      (await api.GET('/api/v1/employees/{nip}/outcomes', { params: { path: { nip } } })).data as unknown as {
        items: Outcome[];
      },
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2}>SKP</Title>
          <ErrorBanner error={skp.error} />
          {skp.data?.items.length === 0 && <Text size="sm">Belum ada SKP.</Text>}
          {skp.data && skp.data.items.length > 0 && (
            <Table>
              <Table.Tbody>
                {skp.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.year}</Table.Td>
                    <Table.Td>{s.positionTitle}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={s.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2}>Plt / Plh Pejabat Penilai Kinerja</Title>
          <ErrorBanner error={delegations.error} />
          {delegations.data?.items.length === 0 && <Text size="sm">Tidak ada.</Text>}
          {delegations.data?.items.map((x) => (
            <Text size="sm" key={x.id}>
              {x.kind}: {x.ppkName} ({formatNip(x.ppkNip)}), {formatDate(x.validFrom)} –{' '}
              {x.validTo ? formatDate(x.validTo) : 'sekarang'}
            </Text>
          ))}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2}>Angka Kredit</Title>
          {/* Not a JF (or a PPPK without a ledger): the API says why; that is information, not a failure. */}
          {credit.error instanceof ApiError && credit.error.status < 500 ? (
            <Text size="sm">{humanMessage(credit.error.message)}</Text>
          ) : (
            <ErrorBanner error={credit.error} />
          )}
          {credit.data && <Text size="sm">Jumlah Angka Kredit: {formatCredit(credit.data.balance)}</Text>}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2}>Riwayat (Penghargaan dan Sanksi)</Title>
          <ErrorBanner error={outcomes.error} />
          {outcomes.data?.items.length === 0 && <Text size="sm">Belum ada.</Text>}
          {outcomes.data?.items.map((o, i) => (
            <Text size="sm" key={i}>
              {o.type.replace(/_/g, ' ')}
              {o.period ? ` (${formatPeriod(o.period)})` : ''}: {o.reason}
            </Text>
          ))}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
