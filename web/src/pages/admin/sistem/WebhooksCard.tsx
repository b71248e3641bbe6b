import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Tag } from '../Tag';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime } from '../../../lib/format';

interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  status: 'ACTIVE' | 'PAUSED' | 'DISABLED';
  consecutiveFailures: number;
  pauseReason: string | null;
}
interface Delivery {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}
const STATUS: Record<string, string> = { ACTIVE: 'Aktif', PAUSED: 'Dijeda', DISABLED: 'Nonaktif' };

/** Webhook subscriptions with their state and, per subscription, the delivery log. */
export function WebhooksCard() {
  const [open, setOpen] = useState<string | null>(null);
  const hooks = useQuery({
    queryKey: ['admin-webhooks'],
    queryFn: async () => (await api.GET('/api/v1/webhooks', {})).data as unknown as { items: Webhook[] },
  });
  const deliveries = useQuery({
    queryKey: ['admin-webhook-deliveries', open],
    enabled: !!open,
    queryFn: async () =>
      (await api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id: open! } } })).data as unknown as {
        items: Delivery[];
      },
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>Webhook</Title>
        <ErrorBanner error={hooks.error ?? deliveries.error} />
        {hooks.data?.items.length === 0 && <Text size="sm">Belum ada langganan webhook.</Text>}
        {hooks.data?.items.map((h) => (
          <Stack key={h.id} gap={4}>
            <Text size="sm">
              <Anchor component="button" onClick={() => setOpen(open === h.id ? null : h.id)}>
                {h.url}
              </Anchor>{' '}
              <Tag color={h.status === 'ACTIVE' ? 'green' : 'orange'}>{STATUS[h.status] ?? h.status}</Tag>{' '}
              {h.eventTypes.join(', ')}
              {h.pauseReason ? ` — ${h.pauseReason}` : ''}
            </Text>
            {open === h.id && deliveries.data && (
              <Table.ScrollContainer minWidth={640}>
                <Table aria-label={`Log pengiriman ${h.url}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Dibuat</Table.Th>
                      <Table.Th>Peristiwa</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Percobaan</Table.Th>
                      <Table.Th>Terkirim</Table.Th>
                      <Table.Th>Galat terakhir</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {deliveries.data.items.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                        <Table.Td>{d.eventType}</Table.Td>
                        <Table.Td>{d.status}</Table.Td>
                        <Table.Td>{d.attempts}</Table.Td>
                        <Table.Td>{d.deliveredAt ? formatDateTime(d.deliveredAt) : '—'}</Table.Td>
                        <Table.Td>
                          {d.lastStatusCode ? `HTTP ${d.lastStatusCode} ` : ''}
                          {d.lastError ?? ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
