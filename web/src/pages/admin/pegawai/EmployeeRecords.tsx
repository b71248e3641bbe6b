import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiError, humanMessage } from '../../../api/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatCredit, formatPeriod } from '../../../lib/format';

interface Outcome {
  type: string;
  reason: string;
  period: string | null;
}

/** Angka Kredit and Riwayat (outcomes) of an employee. */
export function EmployeeRecords({ nip }: { nip: string }) {
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
