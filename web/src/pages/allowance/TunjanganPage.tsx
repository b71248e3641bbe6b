import { Accordion, Alert, Card, Group, List, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { formatMonth, formatRupiah } from '../../lib/format';
import { currentYear } from '../../lib/year';
import { plain, warningSentence } from './explain';
import { Explanation } from './Explanation';

type Line = components['schemas']['MyAllowanceLine'];

const DEDUCTION_LABELS: Record<string, string> = {
  PREDIKAT: 'Predikat kinerja',
  TL: 'Terlambat',
  PSW: 'Pulang sebelum waktunya',
  APEL: 'Apel/upacara',
  TK: 'Tanpa keterangan',
  CUTI: 'Cuti',
  HUKDIS: 'Hukuman disiplin',
  STATUS: 'Status kepegawaian',
  PREDIKAT_HELD: 'Ditahan (predikat belum final)',
  PEMBULATAN: 'Pembulatan',
};

/** Tunjangan: the signed-in employee's TPP month by month (hak, komponen, potongan with reasons, TPP Diterima). */
export function TunjanganPage() {
  const [year, setYear] = useState(currentYear());
  const q = useQuery({
    queryKey: ['me', 'allowances', year],
    queryFn: async () => (await api.GET('/api/v1/me/allowances', { params: { query: { year } } })).data!,
  });
  return (
    <Stack>
      <Title order={1}>Tunjangan</Title>
      <Text>Rincian TPP bulanan: hak, komponen, potongan beserta alasannya, dan TPP Diterima.</Text>
      <NativeSelect
        label="Tahun"
        w={110}
        data={[currentYear(), currentYear() - 1].map(String)}
        value={String(year)}
        onChange={(e) => setYear(Number(e.currentTarget.value))}
      />
      <ErrorBanner error={q.error} />
      {q.isPending && <Loader aria-label="Memuat tunjangan" />}
      {q.data?.items.length === 0 && (
        <Alert color="gray" role="status">
          Belum ada perhitungan TPP untuk tahun {year}.
        </Alert>
      )}
      {q.data?.items
        .slice()
        .reverse()
        .map((l) => (
          <MonthCard key={l.month} line={l} />
        ))}
    </Stack>
  );
}

function MonthCard({ line: l }: { line: Line }) {
  return (
    <Card withBorder component="section" aria-label={`TPP bulan ${formatMonth(l.month)}`}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Title order={2} size="h4">
            TPP bulan {formatMonth(l.month)}
          </Title>
          <Group gap={6}>
            {l.warnings.length > 0 && <StatusBadge status="NEEDS_REVIEW" />}
            <Text size="sm" c="dimmed">
              {l.monthStatus === 'CLOSED' ? 'Bulan ditutup (final)' : 'Bulan terbuka (dapat berubah)'}
            </Text>
          </Group>
        </Group>
        {l.warnings.length > 0 && (
          <Alert color="orange" title="Perlu diperiksa">
            <List size="sm">
              {l.warnings.map((w) => (
                <List.Item key={w.code}>{warningSentence(w, l)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {l.status !== 'COMPUTED' ? (
          <Text size="sm">
            TPP bulan ini tidak dihitung dan tidak dibayarkan
            {l.status === 'NO_RULE_SET'
              ? ': belum ada aturan TPP untuk unit kerja Anda.'
              : '; data Anda sedang diperiksa BKPSDM.'}
          </Text>
        ) : (
          <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
            <Table.Tbody>
              <Row label="Hak TPP" value={l.basicAmount} strong />
              <Row label="Komponen kinerja" value={l.performancePart} />
              <Row label="Komponen disiplin" value={l.disciplinePart} />
              {l.deductions.map((d, i) => (
                <Table.Tr key={`${d.code}-${i}`}>
                  <Table.Td>
                    <Text size="sm">
                      {d.code === 'PREDIKAT_HELD'
                        ? 'Ditahan sementara (predikat belum final)'
                        : `Potongan ${DEDUCTION_LABELS[d.code] ?? 'lain'}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {plain(d.reason)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" valign="top">
                    −{formatRupiah(d.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Row label="Jumlah Potongan" value={l.totalDeductions === null ? null : -l.totalDeductions} />
              <Row label="TPP Diterima" value={l.netAmount} strong />
              {l.adjustments.map((a) => (
                <Table.Tr key={a.forMonth}>
                  <Table.Td>
                    <Text size="sm">Koreksi {formatMonth(a.forMonth)}</Text>
                    <Text size="xs" c="dimmed">
                      {plain(a.reason)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" valign="top">
                    {formatRupiah(a.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {l.adjustments.length > 0 && <Row label="Dibayarkan" value={l.payableAmount} strong />}
            </Table.Tbody>
          </Table>
        )}
        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="penjelasan">
            <Accordion.Control>Penjelasan perhitungan</Accordion.Control>
            <Accordion.Panel>
              <Explanation line={l} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Card>
  );
}

function Row({ label, value, strong }: { label: string; value: number | null; strong?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={strong ? 700 : 400}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td ta="right" fw={strong ? 700 : 400}>
        {value !== null && value < 0 ? `−${formatRupiah(-value)}` : formatRupiah(value)}
      </Table.Td>
    </Table.Tr>
  );
}
