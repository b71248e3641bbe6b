import { Button, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../lib/format';
import { ApiKeysCard } from './sistem/ApiKeysCard';
import { WebhooksCard } from './sistem/WebhooksCard';

interface FailedJob {
  queue: string;
  id: string;
  name: string;
  attemptsMade: number;
  failedReason: string | null;
  failedAt: string | null;
}
interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
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
  const [entity, setEntity] = useState('Employee');
  const [id, setId] = useState('');
  const [asked, setAsked] = useState<{ entity: string; id: string } | null>(null);
  const audit = useQuery({
    queryKey: ['admin-audit', asked],
    enabled: !!asked,
    queryFn: async () =>
      (await api.GET('/api/v1/audit', { params: { query: { entity: asked!.entity, id: asked!.id, limit: 200 } } }))
        .data as unknown as { items: AuditEntry[] },
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
      <Card withBorder>
        <Stack>
          <Title order={2}>Jejak audit</Title>
          <Group align="end">
            <TextInput
              label="Jenis data"
              value={entity}
              onChange={(e) => setEntity(e.currentTarget.value)}
              description="mis. Employee, Unit, Skp, Evaluation, DisciplineCase"
            />
            <TextInput
              label="ID"
              value={id}
              onChange={(e) => setId(e.currentTarget.value)}
              description="NIP untuk pegawai, kode untuk unit"
            />
            <Button disabled={!entity || !id} onClick={() => setAsked({ entity: entity.trim(), id: id.trim() })}>
              Tampilkan
            </Button>
          </Group>
          <ErrorBanner error={audit.error} />
          {audit.data && audit.data.items.length === 0 && <Text>Belum ada catatan audit.</Text>}
          {audit.data && audit.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Waktu</Table.Th>
                    <Table.Th>Oleh</Table.Th>
                    <Table.Th>Tindakan</Table.Th>
                    <Table.Th>Alasan</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {audit.data.items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{formatDateTime(a.at)}</Table.Td>
                      <Table.Td>{a.actor}</Table.Td>
                      <Table.Td>{a.action}</Table.Td>
                      <Table.Td>{a.reason ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
