import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime } from '../../../lib/format';
import { Tag } from '../Tag';
import { WebhookCreateForm } from './WebhookCreateForm';
import { WebhookDeliveries } from './WebhookDeliveries';

interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  createdAt: string;
  status: 'ACTIVE' | 'PAUSED' | 'DISABLED';
  consecutiveFailures: number;
  pauseReason: string | null;
}
const STATUS: Record<string, string> = { ACTIVE: 'Aktif', PAUSED: 'Dijeda', DISABLED: 'Dihapus' };
/** The API's messages are "Bahasa Indonesia / English": the screen shows the first half. */
const id = (message: string) => message.split(' / ')[0];

/** Webhook subscriptions: create (secret shown once), pause / resume, delete, and each one's delivery log. */
export function WebhooksCard() {
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const hooks = useQuery({
    queryKey: ['admin-webhooks'],
    queryFn: async () => (await api.GET('/api/v1/webhooks', {})).data as unknown as { items: Webhook[] },
  });
  const act = useMutation({
    mutationFn: async ({ hook, action }: { hook: Webhook; action: 'pause' | 'resume' | 'delete' }) => {
      const path = { params: { path: { id: hook.id } } };
      if (action === 'delete') return api.DELETE('/api/v1/webhooks/{id}', path);
      if (action === 'pause') return api.POST('/api/v1/webhooks/{id}/pause', path);
      return api.POST('/api/v1/webhooks/{id}/resume', path);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-webhooks'] }),
  });
  const live = (hooks.data?.items ?? []).filter((h) => h.status !== 'DISABLED');
  const busy = (h: Webhook, action: string) =>
    act.isPending && act.variables?.hook.id === h.id && act.variables.action === action;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>Webhook</Title>
        <ErrorBanner error={hooks.error ?? act.error} />
        {hooks.data && live.length === 0 && <Text size="sm">Belum ada langganan webhook.</Text>}
        {live.map((h) => (
          <Stack key={h.id} gap={6} role="group" aria-label={`Webhook ${h.url}`}>
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              <b>{h.url}</b>{' '}
              <Tag color={h.status === 'ACTIVE' ? 'green' : 'orange'}>{STATUS[h.status] ?? h.status}</Tag>
            </Text>
            <Text size="sm">
              Peristiwa: {h.eventTypes.join(', ')} · dibuat {formatDateTime(h.createdAt)}
              {h.consecutiveFailures > 0 ? ` · ${h.consecutiveFailures} kali gagal berturut-turut` : ''}
              {h.pauseReason ? ` · ${id(h.pauseReason)}` : ''}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpen(open === h.id ? null : h.id)}>
                {open === h.id ? 'Tutup log pengiriman' : 'Log pengiriman'}
              </Button>
              {h.status === 'ACTIVE' ? (
                <Button
                  size="xs"
                  variant="default"
                  loading={busy(h, 'pause')}
                  onClick={() => act.mutate({ hook: h, action: 'pause' })}
                >
                  Jeda
                </Button>
              ) : (
                <Button size="xs" loading={busy(h, 'resume')} onClick={() => act.mutate({ hook: h, action: 'resume' })}>
                  Lanjutkan
                </Button>
              )}
              <Button
                size="xs"
                color="red"
                variant="outline"
                loading={busy(h, 'delete')}
                onClick={() => {
                  if (window.confirm(`Hapus webhook ${h.url}? Pengiriman berikutnya dihentikan.`))
                    act.mutate({ hook: h, action: 'delete' });
                }}
              >
                Hapus
              </Button>
            </Group>
            {open === h.id && <WebhookDeliveries id={h.id} url={h.url} />}
            <Divider />
          </Stack>
        ))}
        <WebhookCreateForm />
      </Stack>
    </Card>
  );
}
