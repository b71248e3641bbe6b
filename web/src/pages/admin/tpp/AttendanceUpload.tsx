import { Alert, Button, Card, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatMonth, formatNip, formatNumber } from '../../../lib/format';
import { uploadFile } from '../upload';

interface RowError {
  row?: number;
  nip?: string | null;
  field: string;
  problem: string;
}
interface Result {
  received: number;
  created: number;
  replaced: number;
  unchanged: number;
  monthStatus: 'OPEN' | 'CLOSED';
}

const COLUMN_LABELS: Record<string, string> = {
  nip: 'NIP',
  lateMinutes: 'Terlambat (menit)',
  earlyLeaveMinutes: 'Pulang sebelum waktunya (menit)',
  absentDays: 'Tanpa keterangan (hari)',
  missedApel: 'Tidak apel (kali)',
  leave: 'Cuti',
  fwaDays: 'Hari kerja fleksibel',
};
const column = (field: string) =>
  COLUMN_LABELS[field.replace(/^records\[\d+\]\./, '').replace(/\[\d+\]$/, '')] ?? field;

/** The API's row problems in the office's words (unknown ones shown as they come). */
function problemText(p: string): string {
  if (p === 'unknown NIP') return 'NIP tidak terdaftar';
  if (p === 'must be an 18-digit NIP') return 'NIP harus 18 digit';
  if (p === 'unknown field' || p.startsWith('unknown column')) return 'Kolom tidak dikenal';
  if (p === 'required column missing') return 'Kolom wajib tidak ada';
  let m = /^duplicate of row (\d+)/.exec(p);
  if (m) return `Sama dengan baris ${m[1]} (NIP ganda)`;
  m = /^must be an integer 0\.\.(\d+)/.exec(p);
  if (m) return `Isi bilangan bulat 0 sampai ${m[1]}`;
  if (p.startsWith('must be an array')) return 'Isi daftar menit dipisah koma, atau "-" bila tidak absen';
  return p;
}

/** The month's attendance from CSV or Excel (all or nothing): the figures the next run uses; every bad row listed. */
export function AttendanceUpload({ month }: { month: string }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const upload = useMutation({
    mutationFn: (f: File) => {
      setSent(0);
      return uploadFile<Result>(`/attendance?month=${encodeURIComponent(month)}`, f, setSent);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-month', month] }),
  });
  const rows = upload.error instanceof ApiError ? ((upload.error.body.errors as RowError[] | undefined) ?? []) : [];
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3}>Presensi {formatMonth(month)}</Title>
        <Text size="sm">
          Berkas CSV atau Excel (.xlsx) dengan baris judul nip, lateMinutes, earlyLeaveMinutes, absentDays, missedApel,
          leave, fwaDays. Menit dipisah koma (&quot;12, 45&quot;); &quot;-&quot; berarti tidak absen masuk. Satu baris
          salah: tidak ada yang disimpan.
        </Text>
        <Group align="end">
          <FileInput
            label="Berkas presensi"
            accept=".csv,.xlsx"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': 'Hapus berkas' }}
            w={280}
          />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            Unggah
          </Button>
        </Group>
        {upload.isPending && (
          <Progress value={Math.max(2, sent * 100)} animated={sent >= 1} aria-label="Kemajuan unggah presensi" />
        )}
        {upload.isError && rows.length === 0 && <ErrorBanner error={upload.error} />}
        {rows.length > 0 && (
          <Alert color="red" role="alert" title={`Presensi ditolak: ${rows.length} masalah, tidak ada yang disimpan`}>
            <Table.ScrollContainer minWidth={480}>
              <Table aria-label="Baris presensi yang salah">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Baris</Table.Th>
                    <Table.Th>NIP</Table.Th>
                    <Table.Th>Kolom</Table.Th>
                    <Table.Th>Masalah</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{r.row ?? '–'}</Table.Td>
                      <Table.Td>{r.nip ? formatNip(r.nip) : '–'}</Table.Td>
                      <Table.Td>{column(r.field)}</Table.Td>
                      <Table.Td>{problemText(r.problem)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Alert>
        )}
        {upload.data && (
          <Alert color="green" role="status">
            Presensi tersimpan: {formatNumber(upload.data.received)} baris ({formatNumber(upload.data.created)} baru,{' '}
            {formatNumber(upload.data.replaced)} diganti, {formatNumber(upload.data.unchanged)} tetap).
            {upload.data.monthStatus === 'CLOSED'
              ? ' Bulan sudah ditutup: selisihnya menjadi koreksi bulan berikutnya saat perhitungan dijalankan.'
              : ' Jalankan perhitungan lagi agar TPP memakai presensi ini.'}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
