import { Alert, Button, Card, FileInput, Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatNumber } from '../../lib/format';
import { uploadFile } from './upload';

interface RowError {
  row: number;
  field: string;
  problem: string;
  nip?: string | null;
}

function RowErrors({ error, what }: { error: unknown; what: string }) {
  const rows = error instanceof ApiError ? ((error.body.errors as RowError[] | undefined) ?? []) : [];
  if (rows.length === 0) return <ErrorBanner error={error} />;
  const csv = [
    'baris,kolom,masalah',
    ...rows.map((r) => `${r.row},"${r.field}","${r.problem.replace(/"/g, '""')}"`),
  ].join('\n');
  return (
    <Alert color="red" title={`${what} ditolak: ${rows.length} masalah, tidak ada yang disimpan`} role="alert">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Baris</Table.Th>
            <Table.Th>Kolom</Table.Th>
            <Table.Th>Masalah</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.field}</Table.Td>
              <Table.Td>{r.problem}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        mt="sm"
        variant="light"
        component="a"
        href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
        download="laporan-kesalahan-impor.csv"
      >
        Unduh laporan kesalahan
      </Button>
    </Alert>
  );
}

/** Sending (share of the file sent), then the API checks every row and writes all of them in one transaction. */
function UploadProgress({ sent, label }: { sent: number; label: string }) {
  const checking = sent >= 1;
  return (
    <Stack gap={4}>
      <Progress value={checking ? 100 : Math.max(2, sent * 100)} animated={checking} aria-label={label} />
      <Text size="sm">
        {checking ? 'Memeriksa dan menyimpan semua baris…' : `Mengirim berkas… ${Math.round(sent * 100)}%`}
      </Text>
    </Stack>
  );
}

/** Impor: employees and attendance from CSV or Excel; all-or-nothing, every bad row listed. */
export function ImporPage() {
  const [employeesFile, setEmployeesFile] = useState<File | null>(null);
  const [attendanceFile, setAttendanceFile] = useState<File | null>(null);
  const [month, setMonth] = useState('');
  const [employeesSent, setEmployeesSent] = useState(0);
  const [attendanceSent, setAttendanceSent] = useState(0);
  const employees = useMutation({
    mutationFn: (f: File) => {
      setEmployeesSent(0);
      return uploadFile<{ created: number; updated: number }>('/employees/import', f, setEmployeesSent);
    },
  });
  const attendance = useMutation({
    mutationFn: (f: File) => {
      setAttendanceSent(0);
      return uploadFile<{ received: number; created: number; replaced: number }>(
        `/attendance?month=${encodeURIComponent(month)}`,
        f,
        setAttendanceSent,
      );
    },
  });
  return (
    <Stack>
      <Title order={1}>Impor</Title>
      <Card withBorder>
        <Stack>
          <Title order={2}>Pegawai</Title>
          <Text size="sm">
            Berkas CSV atau Excel (.xlsx) dengan baris judul: nip, name, status, golongan, unitCode, supervisorNip,
            password, positionTitle, positionKind, jenjang, kelasJabatan, isUnitHead, tmt, effectiveFrom. NIP ditulis
            sebagai teks.
          </Text>
          <FileInput
            label="Berkas pegawai"
            accept=".csv,.xlsx"
            value={employeesFile}
            onChange={setEmployeesFile}
            clearable
          />
          <Group>
            <Button
              disabled={!employeesFile}
              loading={employees.isPending}
              onClick={() => employeesFile && employees.mutate(employeesFile)}
            >
              Unggah
            </Button>
          </Group>
          {employees.isPending && <UploadProgress sent={employeesSent} label="Kemajuan impor pegawai" />}
          {employees.isError && <RowErrors error={employees.error} what="Impor pegawai" />}
          {employees.data && (
            <Alert color="green" role="status">
              Impor berhasil: {formatNumber(employees.data.created)} pegawai baru,{' '}
              {formatNumber(employees.data.updated)} diperbarui.
            </Alert>
          )}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack>
          <Title order={2}>Presensi</Title>
          <Text size="sm">
            Baris judul: nip, lateMinutes, earlyLeaveMinutes, absentDays, missedApel. Menit terlambat dipisah koma ("12,
            45"); "-" berarti tidak absen masuk.
          </Text>
          <TextInput
            label="Bulan (YYYY-MM)"
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            placeholder="2026-11"
            maw={200}
          />
          <FileInput
            label="Berkas presensi"
            accept=".csv,.xlsx"
            value={attendanceFile}
            onChange={setAttendanceFile}
            clearable
          />
          <Group>
            <Button
              disabled={!attendanceFile || !month}
              loading={attendance.isPending}
              onClick={() => attendanceFile && attendance.mutate(attendanceFile)}
            >
              Unggah presensi
            </Button>
          </Group>
          {attendance.isPending && <UploadProgress sent={attendanceSent} label="Kemajuan impor presensi" />}
          {attendance.isError && <RowErrors error={attendance.error} what="Presensi" />}
          {attendance.data && (
            <Alert color="green" role="status">
              Presensi tersimpan: {formatNumber(attendance.data.created)} baru, {formatNumber(attendance.data.replaced)}{' '}
              diganti.
            </Alert>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
