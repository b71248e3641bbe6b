import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime } from '../../../lib/format';

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
const DELIVERY_STATUS: Record<string, string> = { PENDING: 'Menunggu', DELIVERED: 'Terkirim', FAILED: 'Gagal' };

/** The delivery log of one subscription (newest first). */
export function WebhookDeliveries({ id, url }: { id: string; url: string }) {
  const deliveries = useQuery({
    queryKey: ['admin-webhook-deliveries', id],
    queryFn: async () =>
      (await api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id } } })).data as unknown as {
        items: Delivery[];
      },
  });
  if (deliveries.error) return <ErrorBanner error={deliveries.error} />;
  if (deliveries.data?.items.length === 0) return <Text size="sm">Belum ada pengiriman.</Text>;
  if (!deliveries.data) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={`Log pengiriman ${url}`}>
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
              <Table.Td>{DELIVERY_STATUS[d.status] ?? d.status}</Table.Td>
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
  );
}
