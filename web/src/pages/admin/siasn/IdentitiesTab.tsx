import { Alert, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, humanMessage } from '../../../api/errors';
import { DataTable } from '../../../components/DataTable';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatNip, formatNumber } from '../../../lib/format';
import { UnitFilter } from '../UnitFilter';
import { uploadFile } from '../upload';
import { Pill } from './Pill';
import { GAP_LABELS, problemInWords, rowInWords } from './labels';

/** Every refused row of an identity file, in words; nothing was saved. */
function RefusedRows({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.details.length === 0) return <ErrorBanner error={error} />;
  return (
    <Alert
      color="red"
      role="alert"
      title={`Impor identitas ditolak: ${error.details.length} masalah, tidak ada yang disimpan`}
    >
      <Text size="sm" mb="xs">
        {humanMessage(error.message)}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table aria-label="Baris identitas yang ditolak">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Baris / NIP</Table.Th>
              <Table.Th>Masalah</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {error.details.map((d, i) => (
              <Table.Tr key={i}>
                <Table.Td>{rowInWords(d.field)}</Table.Td>
                <Table.Td>{problemInWords(d.problem)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}

/** Identitas SIASN: who cannot be sent yet (gaps) and the CSV import of the mapping. */
export function IdentitiesTab() {
  const qc = useQueryClient();
  const [unitCode, setUnitCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const gaps = useQuery({
    queryKey: ['admin-siasn-gaps', unitCode],
    queryFn: async () =>
      (await api.GET('/api/v1/siasn/identities/gaps', { params: { query: { unitCode: unitCode || undefined } } }))
        .data!,
  });
  const upload = useMutation({
    mutationFn: (f: File) => uploadFile<{ identities: number; rwJabatan: number }>('/siasn/identities', f),
    // The mapping changes the gaps and which rows are ready.
    onSuccess: () =>
      Promise.all(
        ['admin-siasn-gaps', 'admin-siasn-payloads', 'admin-siasn-reconciliation'].map((k) =>
          qc.invalidateQueries({ queryKey: [k] }),
        ),
      ),
  });
  return (
    <Stack>
      <Title order={2}>Celah identitas</Title>
      <Text size="sm">
        Pegawai yang datanya belum dapat dikirim ke SIASN karena ID PNS SIASN atau ID riwayat jabatan fungsionalnya
        belum dipetakan.
      </Text>
      <UnitFilter value={unitCode} onChange={setUnitCode} maw={420} />
      <DataTable
        label="Celah identitas SIASN"
        minWidth={560}
        rows={gaps.data?.gaps}
        rowKey={(g) => `${g.nip}-${g.code}`}
        pending={gaps.isPending}
        loadingLabel="Memuat celah identitas"
        error={gaps.error}
        empty="Tidak ada celah identitas."
        summary={
          gaps.data && (
            <Text size="sm">
              Per {formatDate(gaps.data.onDate)}: {formatNumber(gaps.data.mapped)} dari{' '}
              {formatNumber(gaps.data.employees)} pegawai sudah memiliki ID PNS SIASN.
            </Text>
          )
        }
        columns={[
          {
            header: 'Pegawai',
            cell: (g) => (
              <>
                {g.name}
                <Text size="xs">{formatNip(g.nip)}</Text>
              </>
            ),
          },
          { header: 'Unit', cell: (g) => g.unitCode },
          {
            header: 'Celah',
            cell: (g) => (
              <>
                <Pill color={g.code === 'SIASN_ID_MISSING' ? 'red' : 'orange'}>{GAP_LABELS[g.code] ?? g.code}</Pill>
                <Text size="xs">{g.message}</Text>
              </>
            ),
          },
        ]}
      />
      <Title order={2}>Impor identitas</Title>
      <Text size="sm">
        Berkas CSV dengan baris judul nip, siasnPnsId, tmtJabatan, rwJabatanId, jabatanNama (ID PNS dari data utama
        SIASN, ID riwayat jabatan dari riwayat jabatan SIASN). Satu baris salah: seluruh berkas ditolak dan setiap baris
        yang salah ditampilkan.
      </Text>
      <FileInput
        label="Berkas identitas SIASN"
        accept=".csv"
        value={file}
        onChange={setFile}
        clearable
        clearButtonProps={{ 'aria-label': 'Hapus berkas' }}
        maw={420}
      />
      <Group>
        <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          Unggah
        </Button>
      </Group>
      {upload.isError && <RefusedRows error={upload.error} />}
      {upload.data && (
        <Alert color="green" role="status">
          Identitas tersimpan: {formatNumber(upload.data.identities)} ID PNS SIASN,{' '}
          {formatNumber(upload.data.rwJabatan)} riwayat jabatan.
        </Alert>
      )}
    </Stack>
  );
}
