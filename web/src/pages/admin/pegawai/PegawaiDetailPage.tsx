import { Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Tag } from '../Tag';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { dayBefore, formatDate, formatNip } from '../../../lib/format';
import { JENJANG_LABELS, KIND_LABELS, useUnitOptions } from '../unit-options';
import { DelegationsCard } from './DelegationsCard';
import { EmployeeRecords } from './EmployeeRecords';
import { auditLink } from './labels';
import { SkpSegments } from './SkpSegments';
import { MutationForm, type Current } from './MutationForm';

/** Reasons the system writes itself (employee created, bulk import), in words. */
const SYSTEM_REASONS: Record<string, string> = { initial: 'Data awal', import: 'Impor data pegawai' };

interface HistoryItem {
  validFrom: string;
  validTo: string | null;
  unitCode: string;
  golongan: string;
  supervisorNip: string | null;
  title: string;
  kind: string;
  jenjang: string | null;
  kelasJabatan: number;
  tmt: string;
  reason: string | null;
}
interface Detail extends Current {
  name: string;
  status: string;
  asOf: string;
  unitName: string;
  ppkNip: string | null;
  atasanPpkNip: string | null;
  history: HistoryItem[];
  endOfService: { event: string; date: string } | null;
}

/** End-of-service events (spec 04 §1.2), as an office writes them. */
const END_LABELS: Record<string, string> = { PENSIUN: 'Pensiun', BERHENTI: 'Berhenti', MENINGGAL: 'Meninggal dunia' };

/** An employee as the office sees them: today's record, the effective-dated history, mutations, SKPs, credit and outcomes. */
export function PegawaiDetailPage() {
  const { nip = '' } = useParams();
  const [mutating, setMutating] = useState(false);
  const units = useUnitOptions();
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const detail = useQuery({
    queryKey: ['admin-employee', nip],
    queryFn: async () =>
      (await api.GET('/api/v1/employees/{nip}', { params: { path: { nip } } })).data as unknown as Detail,
  });
  const d = detail.data;
  return (
    <Stack>
      <Anchor component={Link} to="/admin/pegawai">
        ← Kembali ke daftar pegawai
      </Anchor>
      <Title order={1}>{d ? d.name : 'Pegawai'}</Title>
      <ErrorBanner error={detail.error} />
      {detail.isPending && <Loader aria-label="Memuat pegawai" />}
      {d && (
        <>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Text>
                NIP: <b>{formatNip(d.nip)}</b> · {d.status}
              </Text>
              <Text>
                Unit Kerja: <b>{d.unitName}</b>
              </Text>
              <Text>
                Jabatan: <b>{d.position.title}</b> ({KIND_LABELS[d.position.kind] ?? d.position.kind}
                {d.position.jenjang ? `, ${JENJANG_LABELS[d.position.jenjang] ?? d.position.jenjang}` : ''}, kelas{' '}
                {d.position.kelasJabatan})
              </Text>
              <Text>
                Golongan: <b>{d.golongan}</b>
              </Text>
              <Text>Pejabat Penilai Kinerja: {d.ppkNip ? formatNip(d.ppkNip) : '—'}</Text>
              <Text>Atasan Pejabat Penilai Kinerja: {d.atasanPpkNip ? formatNip(d.atasanPpkNip) : '—'}</Text>
              {d.endOfService && (
                <Text>
                  Akhir masa kerja: <b>{END_LABELS[d.endOfService.event] ?? d.endOfService.event}</b>
                  {d.endOfService.event === 'MENINGGAL' ? ' pada ' : ' TMT '}
                  <b>{formatDate(d.endOfService.date)}</b>
                  {d.endOfService.date > d.asOf && <Tag color="blue">Akan datang</Tag>}
                </Text>
              )}
            </SimpleGrid>
          </Card>
          <Group>
            <Button variant={mutating ? 'default' : 'filled'} onClick={() => setMutating(!mutating)}>
              {mutating ? 'Batal' : 'Catat mutasi'}
            </Button>
            <Button component={Link} to={auditLink('Employee', d.nip)} variant="default">
              Riwayat audit
            </Button>
          </Group>
          {mutating && <MutationForm current={d} onDone={() => setMutating(false)} />}
          <Title order={2}>Riwayat jabatan</Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="Riwayat jabatan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Berlaku</Table.Th>
                  <Table.Th>Unit Kerja</Table.Th>
                  <Table.Th>Jabatan</Table.Th>
                  <Table.Th>Golongan</Table.Th>
                  <Table.Th>Atasan langsung</Table.Th>
                  <Table.Th>Alasan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...d.history]
                  .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))
                  .map((h) => (
                    <Table.Tr key={h.validFrom}>
                      <Table.Td>
                        {formatDate(h.validFrom)} – {h.validTo ? formatDate(dayBefore(h.validTo)) : 'sekarang'}
                        {h.validFrom > d.asOf && <Tag color="blue">Akan datang</Tag>}
                      </Table.Td>
                      <Table.Td>{unitName(h.unitCode)}</Table.Td>
                      <Table.Td>
                        {h.title} (kelas {h.kelasJabatan})
                      </Table.Td>
                      <Table.Td>{h.golongan}</Table.Td>
                      <Table.Td>{h.supervisorNip ? formatNip(h.supervisorNip) : '—'}</Table.Td>
                      <Table.Td>{h.reason ? (SYSTEM_REASONS[h.reason] ?? h.reason) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SkpSegments nip={d.nip} />
          <DelegationsCard nip={d.nip} />
          <EmployeeRecords nip={d.nip} />
        </>
      )}
    </Stack>
  );
}
