import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatNip, formatNumber } from '../../../lib/format';
import { ORG_PREDICATE_LABELS, PREDICATE_LABELS, PREDICATES } from '../../../lib/labels';
import { currentYear } from '../../../lib/year';

interface Gaps {
  population: number;
  withGaps: number;
  items: { nip: string; name: string; positionTitle: string; reasons: { code: string; message: string }[] }[];
}
interface Distribution {
  population: number;
  counts: Record<string, number>;
  orgPredicate: string | null;
  orgPredicateNote: string | null;
  violations: { code?: string; message?: string }[] | string[];
  ok: boolean;
}
/** The API's messages are "Bahasa Indonesia / English": the screen shows the first half. */
const id = (message: string) => message.split(' / ')[0];

/** One unit: who cannot be planned or rated (PPK gaps), and its organisation performance per period. */
export function UnitPanel({ code, name }: { code: string; name: string }) {
  const qc = useQueryClient();
  const [year, setYear] = useState(currentYear());
  const [predicate, setPredicate] = useState('BAIK');
  const [note, setNote] = useState('');
  const gaps = useQuery({
    queryKey: ['admin-unit-gaps', code, year],
    queryFn: async () =>
      (await api.GET('/api/v1/units/{code}/gaps', { params: { path: { code }, query: { year, limit: 50 } } }))
        .data as unknown as Gaps,
  });
  const dist = useQuery({
    queryKey: ['admin-unit-distribution', code, year],
    queryFn: async () =>
      (
        await api.GET('/api/v1/units/{code}/distribution/{period}', {
          params: { path: { code, period: String(year) } },
        })
      ).data as unknown as Distribution,
  });
  const save = useMutation({
    mutationFn: async () =>
      api.PUT('/api/v1/units/{code}/performance/{period}', {
        params: { path: { code, period: String(year) } },
        body: { predicate: predicate as never, note: note.trim() || undefined },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-unit-distribution', code, year] }),
  });
  const d = dist.data;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{name}</Title>
        <NumberInput
          label="Tahun"
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={2000}
          max={2100}
          w={120}
        />
        <Title order={3}>Capaian Kinerja Organisasi tahunan {year}</Title>
        <ErrorBanner error={dist.error ?? save.error} />
        {d && (
          <Text size="sm">
            {d.orgPredicate
              ? `Capaian: ${ORG_PREDICATE_LABELS[d.orgPredicate] ?? d.orgPredicate}${d.orgPredicateNote ? ` (${d.orgPredicateNote})` : ''}`
              : 'Capaian belum ditetapkan.'}{' '}
            Pola Distribusi: {d.ok ? 'sesuai' : 'belum sesuai'}; {formatNumber(d.population)} pegawai dinilai (
            {PREDICATES.map((p) => `${PREDICATE_LABELS[p]} ${formatNumber(d.counts[p] ?? 0)}`).join(', ')}).
          </Text>
        )}
        <Group align="end">
          <NativeSelect
            label="Capaian Kinerja Organisasi"
            value={predicate}
            onChange={(e) => setPredicate(e.currentTarget.value)}
            data={Object.entries(ORG_PREDICATE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextInput
            label="Catatan"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={{ base: '100%', sm: 320 }}
          />
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Simpan capaian
          </Button>
        </Group>
        {save.isSuccess && (
          <Alert color="green" role="status">
            Capaian Kinerja Organisasi {year} disimpan.
          </Alert>
        )}
        <Title order={3}>Celah Pejabat Penilai Kinerja</Title>
        <ErrorBanner error={gaps.error} />
        {gaps.data && (
          <Text size="sm">
            {formatNumber(gaps.data.withGaps)} dari {formatNumber(gaps.data.population)} pegawai belum dapat menyusun
            atau dinilai SKP-nya.
          </Text>
        )}
        {gaps.data && gaps.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={`Celah PPK ${name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Pegawai</Table.Th>
                  <Table.Th>Jabatan</Table.Th>
                  <Table.Th>Masalah</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {gaps.data.items.map((g) => (
                  <Table.Tr key={g.nip}>
                    <Table.Td>
                      {g.name} ({formatNip(g.nip)})
                    </Table.Td>
                    <Table.Td>{g.positionTitle}</Table.Td>
                    <Table.Td>{g.reasons.map((r) => id(r.message)).join('; ')}</Table.Td>
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
