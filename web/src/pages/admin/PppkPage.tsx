import { Alert, List, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatNip } from '../../lib/format';
import { PREDICATE_LABELS } from '../../lib/labels';
import { ReviewDecision } from './pppk/ReviewDecision';

interface Review {
  id: string;
  nip: string;
  name: string;
  contractEnd: string;
  reviewDue: string;
  latestAnnual: { period: string; predicate: string } | null;
  proposal: string | null;
  warnings: { code: string; message: string }[];
  explanation: { legalBasis: string };
  status: 'PROPOSED' | 'DECIDED';
  decision: { decision: string; newEndDate: string | null; decidedOn: string } | null;
}
interface Problem {
  nip: string;
  name: string;
  message: string;
}

const PROPOSAL_LABELS: Record<string, string> = {
  EXTEND: 'Diperpanjang',
  EXTEND_WITH_COACHING: 'Diperpanjang dengan pembinaan',
  CONTRACT_NOT_EXTENDED: 'Tidak diperpanjang',
};

/** Peninjauan kontrak PPPK (04 §6): proposals six months before the contract ends, decided by a person. */
export function PppkPage() {
  const [status, setStatus] = useState('PROPOSED');
  const q = useQuery({
    queryKey: ['admin-pppk-reviews', status],
    queryFn: async () =>
      (
        await api.GET('/api/v1/pppk/contract-reviews', {
          params: { query: { status: (status || undefined) as never } },
        })
      ).data as unknown as { items: Review[]; problems: Problem[] },
  });
  return (
    <Stack>
      <Title order={1}>Kontrak PPPK</Title>
      <Text size="sm">
        Usulan perpanjangan perjanjian kerja dibuat 6 bulan sebelum kontrak berakhir dari predikat kinerja tahunan
        terakhir (PP 49/2018 Pasal 37); keputusan tetap di tangan pejabat.
      </Text>
      <ErrorBanner error={q.error} />
      {q.isPending && <Loader aria-label="Memuat peninjauan kontrak" />}
      {q.data && q.data.problems.length > 0 && (
        <Alert color="orange" title="Perlu Diperiksa: tanggal berakhir kontrak belum dicatat">
          <List size="sm">
            {q.data.problems.map((p) => (
              <List.Item key={p.nip}>
                {p.name} ({formatNip(p.nip)}): {p.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <NativeSelect
        label="Status"
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value)}
        maw={240}
        data={[
          { value: 'PROPOSED', label: 'Menunggu keputusan' },
          { value: 'DECIDED', label: 'Sudah diputuskan' },
          { value: '', label: 'Semua' },
        ]}
      />
      {q.data && q.data.items.length === 0 && <Text>Belum ada peninjauan kontrak.</Text>}
      {q.data && q.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-label="Peninjauan kontrak PPPK">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Kontrak berakhir</Table.Th>
                <Table.Th>Predikat tahunan terakhir</Table.Th>
                <Table.Th>Usulan</Table.Th>
                <Table.Th>Keputusan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.name} ({formatNip(r.nip)})
                  </Table.Td>
                  <Table.Td>
                    {formatDate(r.contractEnd)} (ditinjau {formatDate(r.reviewDue)})
                  </Table.Td>
                  <Table.Td>
                    {r.latestAnnual
                      ? `${PREDICATE_LABELS[r.latestAnnual.predicate] ?? r.latestAnnual.predicate} (${r.latestAnnual.period})`
                      : 'Belum ada'}
                  </Table.Td>
                  <Table.Td>
                    {r.proposal ? (PROPOSAL_LABELS[r.proposal] ?? r.proposal) : 'Tanpa rekomendasi'}
                    {r.warnings.map((w) => (
                      <Text key={w.code} size="xs" c="orange">
                        {w.message}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {r.decision ? (
                      `${r.decision.decision === 'EXTEND' ? `Diperpanjang s.d. ${formatDate(r.decision.newEndDate)}` : 'Tidak diperpanjang'}, ${formatDate(r.decision.decidedOn)}`
                    ) : (
                      <ReviewDecision id={r.id} nip={r.nip} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
