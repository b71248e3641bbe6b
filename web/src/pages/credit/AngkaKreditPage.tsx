import { Alert, Button, Card, Group, List, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Explanation } from '../../api/types';
import { useMe } from '../../auth/me';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCredit, formatPeriod } from '../../lib/format';
import { PREDICATE_LABELS, label } from '../../lib/labels';
import { currentYear } from '../../lib/year';

interface CreditEntry {
  source: string;
  period: string | null;
  predicate: string | null;
  percentage: string | null;
  coefficient: string | null;
  jenjang: string;
  amount: string;
  explanation: Explanation | null;
}
interface CreditView {
  nip: string;
  jenjang: string;
  golongan: string;
  balance: string;
  entries: CreditEntry[];
  next: null | {
    kind: string;
    to: string;
    threshold: string;
    shortfall: string;
    eligible: boolean;
    unmet: string[];
    reasons: string[];
  };
  explanation: Explanation | null;
}

const NEXT_LABEL: Record<string, string> = {
  KENAIKAN_PANGKAT: 'Kenaikan Pangkat',
  KENAIKAN_JENJANG: 'Kenaikan Jenjang',
};
const SOURCE_LABEL: Record<string, string> = {
  PREDIKAT: 'Konversi predikat kinerja',
  INTEGRASI: 'Integrasi',
  AK_DASAR: 'AK Dasar',
  PENDIDIKAN: 'Pendidikan',
};

/** Angka Kredit: ledger with explanations, balance, progress to the next step and what is unmet, PAK. */
export function AngkaKreditPage() {
  const me = useMe().data!;
  const [pakError, setPakError] = useState<unknown>(null);
  const q = useQuery({
    queryKey: ['credit', me.nip],
    queryFn: async () =>
      (await api.GET('/api/v1/employees/{nip}/credit', { params: { path: { nip: me.nip } } }))
        .data as unknown as CreditView,
  });
  const notJf = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 422);
  const c = q.data;
  const progress = c?.next ? Math.min(100, (Number(c.balance) / Number(c.next.threshold)) * 100) : 0;
  return (
    <Stack>
      <Title order={1}>Angka Kredit</Title>
      {q.isPending && <Loader aria-label="Memuat angka kredit" />}
      {notJf ? (
        <Alert color="gray">Angka kredit hanya untuk pejabat fungsional.</Alert>
      ) : (
        <ErrorBanner error={q.error} />
      )}
      {c && (
        <>
          <Card withBorder>
            <Stack gap={6}>
              <Text>
                Jumlah Angka Kredit: <b data-testid="ak-balance">{formatCredit(c.balance)}</b>
              </Text>
              {c.next && (
                <>
                  <Text size="sm">
                    {NEXT_LABEL[c.next.kind] ?? c.next.kind} berikutnya ke {c.next.to}: batas{' '}
                    {formatCredit(c.next.threshold)}, kekurangan {formatCredit(c.next.shortfall)}
                  </Text>
                  <Progress
                    value={progress}
                    aria-label={`Kemajuan menuju ${NEXT_LABEL[c.next.kind] ?? c.next.kind}`}
                    size="lg"
                  />
                  {c.next.reasons.length > 0 && (
                    <>
                      <Text size="sm" fw={600}>
                        Belum terpenuhi:
                      </Text>
                      <List size="sm">
                        {c.next.reasons.map((r, i) => (
                          <List.Item key={i}>{r}</List.Item>
                        ))}
                      </List>
                    </>
                  )}
                </>
              )}
              <Group mt="xs">
                <Button
                  variant="default"
                  onClick={() => {
                    setPakError(null);
                    download(
                      `/employees/${c.nip}/credit/pak/${currentYear()}.pdf`,
                      `PAK-${c.nip}-${currentYear()}.pdf`,
                    ).catch(setPakError);
                  }}
                >
                  Unduh PDF (PAK {currentYear()})
                </Button>
              </Group>
              <ErrorBanner error={pakError} />
            </Stack>
          </Card>
          <Title order={2} size="h3">
            Riwayat Angka Kredit
          </Title>
          {c.entries.length === 0 ? (
            <Text size="sm">Belum ada entri angka kredit.</Text>
          ) : (
            <Table.ScrollContainer minWidth={320}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Sumber</Table.Th>
                    <Table.Th>Periode</Table.Th>
                    <Table.Th>Angka Kredit</Table.Th>
                    <Table.Th>Penjelasan</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.entries.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        {SOURCE_LABEL[e.source] ?? e.source}
                        {e.predicate && ` (${label(PREDICATE_LABELS, e.predicate)})`}
                      </Table.Td>
                      <Table.Td>{e.period ? formatPeriod(e.period) : '–'}</Table.Td>
                      <Table.Td>{formatCredit(e.amount)}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{e.explanation?.formula ?? '–'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {c.explanation && <Text size="xs">Dasar hukum: {c.explanation.legalBasis}</Text>}
        </>
      )}
    </Stack>
  );
}
