import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatNip } from '../../../lib/format';
import { DelegationEnd } from './DelegationEnd';
import { DelegationForm } from './DelegationForm';
import { auditLink, DELEGATION_KIND_LABELS } from './labels';

export interface Delegation {
  id: string;
  employeeNip: string;
  employeeName: string;
  ppkNip: string;
  ppkName: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
  reason: string | null;
  actingKelasJabatan?: number | null;
  actingLevel?: 'SAME' | 'HIGHER' | null;
}

const ACTING_LEVEL_LABELS: Record<string, string> = { SAME: 'setingkat', HIGHER: 'lebih tinggi' };

/** The Plt post as the TPP add-on reads it: kelas jabatan and level, or a note that it is missing. */
const actingPost = (d: Delegation) =>
  d.kind !== 'PLT'
    ? null
    : d.actingKelasJabatan
      ? `Kelas jabatan ${d.actingKelasJabatan}${d.actingLevel ? `, ${ACTING_LEVEL_LABELS[d.actingLevel]}` : ''}`
      : 'Kelas jabatan belum diisi';

const period = (d: Delegation) => `${formatDate(d.validFrom)} – ${d.validTo ? formatDate(d.validTo) : 'sekarang'}`;

export function useDelegations(key: 'employeeNip' | 'ppkNip', nip: string) {
  return useQuery({
    queryKey: ['admin-employee-delegations', key, nip],
    queryFn: async () =>
      (await api.GET('/api/v1/delegations', { params: { query: { [key]: nip, limit: 100 } } })).data as unknown as {
        items: Delegation[];
      },
  });
}

/** Plt / Plh: who rates this employee in place of the PPK, and for whom this employee acts; a new one from the SK. */
export function DelegationsCard({ nip }: { nip: string }) {
  const ratedBy = useDelegations('employeeNip', nip);
  // Today in Asia/Jakarta (the agencies' calendar): a Plt / Plh still running can be ended.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const actsFor = useDelegations('ppkNip', nip);
  const rows = [
    ...(ratedBy.data?.items ?? []).map((d) => ({ d, who: `Dinilai oleh ${d.ppkName} (${formatNip(d.ppkNip)})` })),
    ...(actsFor.data?.items ?? []).map((d) => ({
      d,
      who: `Menilai ${d.employeeName} (${formatNip(d.employeeNip)})`,
    })),
  ].sort((a, b) => (a.d.validFrom < b.d.validFrom ? 1 : -1));
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2}>Plt / Plh</Title>
        <ErrorBanner error={ratedBy.error ?? actsFor.error} />
        {ratedBy.data && actsFor.data && rows.length === 0 && <Text size="sm">Belum ada Plt / Plh.</Text>}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label="Daftar Plt / Plh">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Jenis</Table.Th>
                  <Table.Th>Pejabat / pegawai</Table.Th>
                  <Table.Th>Berlaku</Table.Th>
                  <Table.Th>Dasar</Table.Th>
                  <Table.Th>Riwayat audit</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ d, who }) => (
                  <Table.Tr key={`${d.id}-${who}`}>
                    <Table.Td>
                      {DELEGATION_KIND_LABELS[d.kind] ?? d.kind}
                      {actingPost(d) && (
                        <Text size="xs" c="dimmed">
                          {actingPost(d)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{who}</Table.Td>
                    <Table.Td>{period(d)}</Table.Td>
                    <Table.Td>{d.reason ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={auditLink('PpkDelegation', d.id)} size="sm">
                        Riwayat audit
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {(!d.validTo || d.validTo >= today) && (
                        <DelegationEnd id={d.id} label={`${DELEGATION_KIND_LABELS[d.kind] ?? d.kind} ${who}`} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <DelegationForm nip={nip} />
      </Stack>
    </Card>
  );
}
