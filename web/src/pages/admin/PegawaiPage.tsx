import { Anchor, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatNip } from '../../lib/format';
import { CreateEmployeeForm } from './pegawai/CreateEmployeeForm';
import { JENJANG_LABELS, KIND_LABELS, options, unitSelectData, useUnitOptions } from './unit-options';

interface EmployeeItem {
  nip: string;
  name: string;
  status: string;
  unitCode: string | null;
  unitName: string | null;
  positionTitle: string | null;
  golongan: string | null;
}
interface EmployeePage {
  items: EmployeeItem[];
  nextCursor: string | null;
}

/** Pegawai: the roster, searched by name or NIP, filtered by unit (with sub-units), status, position kind and jenjang; cursor pages. */
export function PegawaiPage() {
  const [q, setQ] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [adding, setAdding] = useState(false);
  const [jenjang, setJenjang] = useState('');
  const units = useUnitOptions();
  const [search] = useDebouncedValue(q.trim(), 300);
  const unit = unitCode;
  const list = useInfiniteQuery({
    queryKey: ['admin-employees', search, unit, status, kind, jenjang],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.GET('/api/v1/employees', {
          params: {
            query: {
              q: search || undefined,
              unitCode: unit || undefined,
              status: (status || undefined) as never,
              kind: (kind || undefined) as never,
              jenjang: (jenjang || undefined) as never,
              after: pageParam,
              limit: 50,
            },
          },
        })
      ).data as unknown as EmployeePage,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Pegawai</Title>
        <Button variant={adding ? 'default' : 'filled'} onClick={() => setAdding(!adding)}>
          {adding ? 'Batal' : 'Tambah pegawai'}
        </Button>
      </Group>
      {adding && <CreateEmployeeForm />}
      <Group align="end">
        <TextInput
          label="Cari nama atau NIP"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder="mis. Siti atau 1987"
        />
        <NativeSelect
          label="Unit Kerja (termasuk sub-unit)"
          value={unitCode}
          onChange={(e) => setUnitCode(e.currentTarget.value)}
          data={[{ value: '', label: 'Semua unit' }, ...unitSelectData(units.data)]}
          maw={360}
        />
        <NativeSelect
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[{ value: '', label: 'Semua' }, 'PNS', 'PPPK']}
        />
        <NativeSelect
          label="Jenis jabatan"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={[{ value: '', label: 'Semua' }, ...options(KIND_LABELS)]}
        />
        <NativeSelect
          label="Jenjang"
          value={jenjang}
          onChange={(e) => setJenjang(e.currentTarget.value)}
          data={[{ value: '', label: 'Semua' }, ...options(JENJANG_LABELS)]}
        />
      </Group>
      <ErrorBanner error={list.error} />
      {list.isPending && <Loader aria-label="Memuat pegawai" />}
      {list.data && rows.length === 0 && <Text>Tidak ada pegawai yang cocok.</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-label="Daftar pegawai">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nama</Table.Th>
                <Table.Th>NIP</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Unit Kerja</Table.Th>
                <Table.Th>Jabatan</Table.Th>
                <Table.Th>Golongan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.nip}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/pegawai/${e.nip}`}>
                      {e.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatNip(e.nip)}</Table.Td>
                  <Table.Td>{e.status}</Table.Td>
                  <Table.Td>{e.unitName ?? '—'}</Table.Td>
                  <Table.Td>{e.positionTitle ?? '—'}</Table.Td>
                  <Table.Td>{e.golongan ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Muat lebih banyak
        </Button>
      )}
    </Stack>
  );
}
