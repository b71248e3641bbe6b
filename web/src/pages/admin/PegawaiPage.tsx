import { Anchor, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataTable, MUAT_LEBIH_BANYAK } from '../../components/DataTable';
import { FilterSelect } from '../../components/FilterSelect';
import { useCursorPages } from '../../lib/cursor-pages';
import { formatNip } from '../../lib/format';
import { CreateEmployeeForm } from './pegawai/CreateEmployeeForm';
import { JENJANG_LABELS, KIND_LABELS, options } from './unit-options';
import { UnitFilter } from './UnitFilter';

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
  const [search] = useDebouncedValue(q.trim(), 300);
  const unit = unitCode;
  const { query: list, rows } = useCursorPages(
    ['admin-employees', search, unit, status, kind, jenjang],
    async (after) =>
      (
        await api.GET('/api/v1/employees', {
          params: {
            query: {
              q: search || undefined,
              unitCode: unit || undefined,
              status: (status || undefined) as never,
              kind: (kind || undefined) as never,
              jenjang: (jenjang || undefined) as never,
              after,
              limit: 50,
            },
          },
        })
      ).data as unknown as EmployeePage,
  );
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
        <UnitFilter label="Unit Kerja (termasuk sub-unit)" value={unitCode} onChange={setUnitCode} maw={360} />
        <FilterSelect label="Status" all="Semua" options={['PNS', 'PPPK']} value={status} onChange={setStatus} />
        <FilterSelect
          label="Jenis jabatan"
          all="Semua"
          options={options(KIND_LABELS)}
          value={kind}
          onChange={setKind}
        />
        <FilterSelect
          label="Jenjang"
          all="Semua"
          options={options(JENJANG_LABELS)}
          value={jenjang}
          onChange={setJenjang}
        />
      </Group>
      <DataTable
        label="Daftar pegawai"
        minWidth={860}
        rows={rows}
        rowKey={(e) => e.nip}
        pending={list.isPending}
        loadingLabel="Memuat pegawai"
        error={list.error}
        empty="Tidak ada pegawai yang cocok."
        pager={list}
        more={MUAT_LEBIH_BANYAK}
        columns={[
          {
            header: 'Nama',
            cell: (e) => (
              <Anchor component={Link} to={`/admin/pegawai/${e.nip}`}>
                {e.name}
              </Anchor>
            ),
          },
          { header: 'NIP', nowrap: true, cell: (e) => formatNip(e.nip) },
          { header: 'Status', cell: (e) => e.status },
          { header: 'Unit Kerja', cell: (e) => e.unitName ?? '—' },
          { header: 'Jabatan', cell: (e) => e.positionTitle ?? '—' },
          { header: 'Golongan', cell: (e) => e.golongan ?? '—' },
        ]}
      />
    </Stack>
  );
}
