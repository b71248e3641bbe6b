import { Card, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CascadeView } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatNip } from '../../lib/format';

/** Matriks Peran Hasil: each RHK with the subordinates' RHK that intervene it. */
export function CascadeMatrix({ skpId }: { skpId: string }) {
  const q = useQuery({
    queryKey: ['skp', skpId, 'cascade'],
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}/cascade', { params: { path: { id: skpId } } })).data as unknown as CascadeView,
  });
  return (
    <Stack>
      <Title order={2} size="h3">
        Matriks Peran Hasil
      </Title>
      {q.isPending && <Loader size="sm" aria-label="Memuat matriks" />}
      <ErrorBanner error={q.error} />
      {q.data?.results.map((r) => (
        <Card withBorder key={r.id}>
          <Text fw={600}>{r.text}</Text>
          {r.children.length === 0 ? (
            <Text size="sm" c="dimmed">
              Belum ada RHK bawahan yang mengintervensi.
            </Text>
          ) : (
            <List size="sm">
              {r.children.map((c) => (
                <List.Item key={c.resultId}>
                  {c.text} — {c.name} (NIP {formatNip(c.nip)})
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      ))}
    </Stack>
  );
}
