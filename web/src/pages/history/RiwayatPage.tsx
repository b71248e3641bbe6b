import { Badge, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useMe } from '../../auth/me';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatPeriod } from '../../lib/format';

interface Outcome {
  id: string;
  type: string;
  status: string;
  reason: string;
  legalBasis: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  period: string | null;
}

/** Riwayat (Penghargaan dan Sanksi): every outcome with its reason and legal basis. */
export function RiwayatPage() {
  const me = useMe().data!;
  const q = useQuery({
    queryKey: ['outcomes', me.nip],
    queryFn: async () =>
      (
        (await api.GET('/api/v1/employees/{nip}/outcomes', { params: { path: { nip: me.nip } } })).data as unknown as {
          items: Outcome[];
        }
      ).items,
  });
  return (
    <Stack>
      <Title order={1}>Riwayat</Title>
      <Text size="sm">Penghargaan dan sanksi yang timbul dari hasil kinerja dan disiplin.</Text>
      {q.isPending && <Loader aria-label="Memuat riwayat" />}
      <ErrorBanner error={q.error} />
      {q.data?.length === 0 && <Text>Belum ada riwayat penghargaan atau sanksi.</Text>}
      {q.data?.map((o) => (
        <Card withBorder key={o.id}>
          <Stack gap={4}>
            <Text fw={600}>
              {o.type.replace(/_/g, ' ')}{' '}
              <Badge variant="light" color="gray" autoContrast>
                {o.status}
              </Badge>
            </Text>
            <Text size="sm">{o.reason}</Text>
            <Text size="sm">Dasar hukum: {o.legalBasis}</Text>
            <Text size="sm">
              {o.period && <>Periode {formatPeriod(o.period)} · </>}
              Berlaku {formatDate(o.effectiveFrom)}
              {o.effectiveTo && <> s.d. {formatDate(o.effectiveTo)}</>}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
