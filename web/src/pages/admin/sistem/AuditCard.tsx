import { Anchor, Card, Code, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { DataTable } from '../../../components/DataTable';
import { useCursorPages } from '../../../lib/cursor-pages';
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
  const { query: audit, rows } = useCursorPages(
    ['admin-audit', entity.value, id],
    async (after) =>
      (await api.GET('/api/v1/audit', { params: { query: { entity: entity.value, id, limit: 100, after } } }))
        .data as unknown as { items: AuditEntry[]; nextCursor: string | null },
    { enabled: !!id },
  );
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
        <DataTable
          label="Jejak audit"
          minWidth={720}
          rows={rows}
          rowKey={(a) => a.id}
          pending={audit.isPending && !!id}
          loadingLabel="Memuat jejak audit"
          error={audit.error}
          empty="Belum ada catatan audit."
          pager={audit}
          more={{ inline: false }}
          columns={[
            { header: 'Waktu', cell: (a) => formatDateTime(a.at) },
            { header: 'Oleh', cell: (a) => (/^\d{18}$/.test(a.actor) ? formatNip(a.actor) : a.actor) },
            { header: 'Tindakan', cell: (a) => a.action },
            {
              header: 'Perubahan',
              cell: (a) =>
                changes(a)
                  .slice(0, 8)
                  .map((c) => (
                    <Code
                      key={c}
                      block={false}
                      style={{ display: 'block', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                    >
                      {c}
                    </Code>
                  )),
            },
            { header: 'Alasan', cell: (a) => a.reason ?? '—' },
          ]}
        />
      </Stack>
    </Card>
  );
}
