import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { StatusBadge } from '../../../components/StatusBadge';
import { formatDate, formatPeriod } from '../../../lib/format';
import { auditLink, SKP_KIND_LABELS } from './labels';

export interface SkpSegment {
  id: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  kind: string;
  status: string;
  positionTitle: string;
}

/** Every SKP of the employee as segments of the year (spec 04 §1.2: a mutation closes one and opens the next; a Plt runs in parallel). */
export function SkpSegments({ nip }: { nip: string }) {
  const skp = useQuery({
    queryKey: ['admin-employee-skp', nip],
    queryFn: async () =>
      (await api.GET('/api/v1/skp', { params: { query: { nip, limit: 100 } } })).data as unknown as {
        items: SkpSegment[];
      },
  });
  const rows = [...(skp.data?.items ?? [])].sort((a, b) =>
    a.periodStart === b.periodStart ? a.kind.localeCompare(b.kind) : a.periodStart < b.periodStart ? 1 : -1,
  );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2}>SKP</Title>
        <ErrorBanner error={skp.error} />
        {skp.data?.items.length === 0 && <Text size="sm">Belum ada SKP.</Text>}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Segmen SKP">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Periode</Table.Th>
                  <Table.Th>Jenis</Table.Th>
                  <Table.Th>Jabatan</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Riwayat audit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {formatDate(s.periodStart)} – {formatDate(s.periodEnd)}
                    </Table.Td>
                    <Table.Td>{SKP_KIND_LABELS[s.kind] ?? s.kind}</Table.Td>
                    <Table.Td>{s.positionTitle}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={s.status} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Anchor component={Link} to={auditLink('Skp', s.id)} size="sm">
                          SKP
                        </Anchor>
                        <EvaluationAuditLinks skpId={s.id} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

/** One audit link per evaluation of the SKP that exists (an evaluation id is what the audit trail records). */
function EvaluationAuditLinks({ skpId }: { skpId: string }) {
  const ev = useQuery({
    queryKey: ['admin-audit-evaluations', skpId],
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}/evaluations', { params: { path: { id: skpId } } })).data as unknown as {
        items: { id: string | null; period: string }[];
      },
  });
  return (ev.data?.items ?? [])
    .filter((e) => e.id)
    .map((e) => (
      <Anchor key={e.id} component={Link} to={auditLink('Evaluation', e.id!)} size="sm">
        Evaluasi {formatPeriod(e.period)}
      </Anchor>
    ));
}
