import { Anchor, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatNip } from '../../../lib/format';
import { STEP_LABELS } from './labels';

export interface Escalation {
  step: string;
  kind: string;
  dueOn: string;
  detectedOn: string;
  resolvedOn: string | null;
}
interface EscalationItem extends Escalation {
  id: string;
  caseId: string;
  caseReference: string;
  nip: string;
  unitCode: string;
}

/** What an escalation means and to whom it goes (03 §13.3: a recommendation not followed up → SBT, SIASN block). */
const KIND_WORDS: Record<string, string> = {
  SIASN_BLOCK: 'dilaporkan ke BKN melalui sistem berbagi data (SBT) untuk pemblokiran layanan kepegawaian di SIASN',
};
export function escalationSentence(e: Escalation): string {
  const step = (STEP_LABELS[e.step] ?? e.step).toLowerCase();
  const what = KIND_WORDS[e.kind] ?? `dieskalasi (${e.kind})`;
  return `Tahap ${step} tidak dilaksanakan sampai ${formatDate(e.dueOn)}: ${what}; terdeteksi ${formatDate(e.detectedOn)}${
    e.resolvedOn ? `, selesai ${formatDate(e.resolvedOn)}` : ', belum selesai'
  }.`;
}

/** A case's escalations, as sentences. */
export function CaseEscalations({ items }: { items: Escalation[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={2}>Eskalasi</Title>
      <List size="sm">
        {items.map((e, i) => (
          <List.Item key={i}>{escalationSentence(e)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Everything the overdue sweep escalated, newest first, with the case it belongs to. */
export function EscalationsCard() {
  const q = useQuery({
    queryKey: ['admin-cases', 'escalations'],
    queryFn: async () =>
      (await api.GET('/api/v1/discipline/escalations', {})).data as unknown as { items: EscalationItem[] },
  });
  const open = q.data?.items.filter((e) => !e.resolvedOn) ?? [];
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2}>Eskalasi</Title>
        <ErrorBanner error={q.error} />
        {q.data && (
          <Text size="sm">
            {q.data.items.length === 0
              ? 'Belum ada eskalasi: semua rekomendasi ditindaklanjuti tepat waktu.'
              : `${q.data.items.length} eskalasi, ${open.length} belum selesai.`}
          </Text>
        )}
        {q.data && q.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Daftar eskalasi">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kasus</Table.Th>
                  <Table.Th>NIP</Table.Th>
                  <Table.Th>Apa yang terjadi</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((e) => (
                  <Table.Tr key={e.id} bg={e.resolvedOn ? undefined : 'red.0'}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/disiplin/${e.caseId}`}>
                        {e.caseReference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatNip(e.nip)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{escalationSentence(e)}</Text>
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
