import { Button, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../lib/format';
import { ApiKeysCard } from './sistem/ApiKeysCard';
import { AuditCard } from './sistem/AuditCard';
import { WebhooksCard } from './sistem/WebhooksCard';

interface FailedJob {
  queue: string;
  id: string;
  name: string;
  attemptsMade: number;
  failedReason: string | null;
  failedAt: string | null;
}
/** Sistem: failed background jobs with retry, API keys, webhooks with their delivery log, and the audit trail of an entity. */
export function SistemPage() {
  const qc = useQueryClient();
  const failed = useQuery({
    queryKey: ['admin-failed-jobs'],
    queryFn: async () => (await api.GET('/api/v1/jobs/failed', {})).data as unknown as { items: FailedJob[] },
  });
  const retry = useMutation({
    mutationFn: async (j: FailedJob) =>
      (
        await api.POST('/api/v1/jobs/failed/{queue}/{id}/retry', {
          params: { path: { queue: j.queue as never, id: j.id } },
        })
      ).data,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-failed-jobs'] }),
  });
  return (
    <Stack>
      <Title order={1}>Sistem</Title>
      <Card withBorder>
        <Stack>
          <Title order={2}>Pekerjaan latar yang gagal</Title>
          <ErrorBanner error={failed.error ?? retry.error} />
          {failed.isPending && <Loader aria-label="Memuat pekerjaan gagal" />}
          {failed.data && failed.data.items.length === 0 && <Text>Tidak ada pekerjaan yang gagal.</Text>}
          {failed.data && failed.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Antrean</Table.Th>
                    <Table.Th>Pekerjaan</Table.Th>
                    <Table.Th>Gagal pada</Table.Th>
                    <Table.Th>Alasan</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {failed.data.items.map((j) => (
                    <Table.Tr key={`${j.queue}/${j.id}`}>
                      <Table.Td>{j.queue}</Table.Td>
                      <Table.Td>{j.name}</Table.Td>
                      <Table.Td>{formatDateTime(j.failedAt)}</Table.Td>
                      <Table.Td>{j.failedReason}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          onClick={() => retry.mutate(j)}
                          loading={retry.isPending && retry.variables?.id === j.id}
                          aria-label={`Coba lagi ${j.name} ${j.id}`}
                        >
                          Coba lagi
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
      <ApiKeysCard />
      <WebhooksCard />
      <AuditCard />
    </Stack>
  );
}
