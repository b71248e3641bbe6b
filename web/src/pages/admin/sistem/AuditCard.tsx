import { Anchor, Button, Card, Code, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime, formatNip } from '../../../lib/format';
import { AUDIT_ENTITIES, entityOf } from './audit-entities';
import { RecordPicker } from './RecordPicker';

interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorKind: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The fields a change touched, `field: before → after`. */
function changes(a: AuditEntry): string[] {
  const keys = new Set([...Object.keys(a.before ?? {}), ...Object.keys(a.after ?? {})]);
  return [...keys]
    .filter((k) => show(a.before?.[k]) !== show(a.after?.[k]))
    .map((k) => (a.before ? `${k}: ${show(a.before[k])} → ${show(a.after?.[k])}` : `${k}: ${show(a.after?.[k])}`));
}

/**
 * Jejak audit: the record is chosen, not typed (entity type from a list, then the employee by name/NIP, their
 * SKP or evaluation, a unit); `?entity=&id=` (the employee page's "Riwayat audit" links) opens it directly.
 */
export function AuditCard() {
  const [params, setParams] = useSearchParams();
  const entity = entityOf(params.get('entity') ?? 'Employee') ?? AUDIT_ENTITIES[0];
  const id = params.get('id') ?? '';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (id && window.location.hash === '#jejak-audit') ref.current?.scrollIntoView();
  }, [id]);
  const choose = (next: { entity?: string; id?: string }) => {
    const p = new URLSearchParams();
    p.set('entity', next.entity ?? entity.value);
    if (next.id) p.set('id', next.id);
    setParams(p, { replace: false, preventScrollReset: true });
  };
  const audit = useInfiniteQuery({
    queryKey: ['admin-audit', entity.value, id],
    enabled: !!id,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.GET('/api/v1/audit', {
          params: { query: { entity: entity.value, id, limit: 100, after: pageParam } },
        })
      ).data as unknown as { items: AuditEntry[]; nextCursor: string | null },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder id="jejak-audit" ref={ref}>
      <Stack>
        <Title order={2}>Jejak audit</Title>
        <NativeSelect
          label="Jenis data"
          value={entity.value}
          data={AUDIT_ENTITIES.map((e) => ({ value: e.value, label: e.label }))}
          onChange={(e) => choose({ entity: e.currentTarget.value })}
          maw={420}
        />
        {id ? (
          <Group gap="xs">
            <Text size="sm">
              {entity.label}: <b>{entity.pick === 'employee' ? formatNip(id) : id}</b>
            </Text>
            <Anchor component="button" type="button" size="sm" onClick={() => choose({})}>
              Pilih data lain
            </Anchor>
          </Group>
        ) : (
          <RecordPicker key={entity.value} entity={entity} onPick={(picked) => choose({ id: picked })} />
        )}
        <ErrorBanner error={audit.error} />
        {audit.isPending && !!id && <Loader aria-label="Memuat jejak audit" />}
        {audit.data && rows.length === 0 && <Text>Belum ada catatan audit.</Text>}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="Jejak audit">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Waktu</Table.Th>
                  <Table.Th>Oleh</Table.Th>
                  <Table.Th>Tindakan</Table.Th>
                  <Table.Th>Perubahan</Table.Th>
                  <Table.Th>Alasan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{formatDateTime(a.at)}</Table.Td>
                    <Table.Td>{/^\d{18}$/.test(a.actor) ? formatNip(a.actor) : a.actor}</Table.Td>
                    <Table.Td>{a.action}</Table.Td>
                    <Table.Td>
                      {changes(a)
                        .slice(0, 8)
                        .map((c) => (
                          <Code
                            key={c}
                            block={false}
                            style={{ display: 'block', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                          >
                            {c}
                          </Code>
                        ))}
                    </Table.Td>
                    <Table.Td>{a.reason ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {audit.hasNextPage && (
          <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            Muat lagi
          </Button>
        )}
      </Stack>
    </Card>
  );
}
