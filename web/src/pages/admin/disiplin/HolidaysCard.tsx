import { Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate } from '../../../lib/format';

interface Holidays {
  year: number;
  holidays: { date: string; name: string }[];
  effectiveCalendar: string[];
}

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date()));

/** The holiday calendar behind working-day deadlines (PUT /discipline/holidays/{year}, audited): list, add, remove. */
export function HolidaysCard() {
  const qc = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const key = ['admin-holidays', year];
  const q = useQuery({
    queryKey: key,
    queryFn: async () =>
      (await api.GET('/api/v1/discipline/holidays/{year}', { params: { path: { year: String(year) } } }))
        .data as unknown as Holidays,
  });
  const save = useMutation({
    mutationFn: async (holidays: { date: string; name: string }[]) =>
      (
        await api.PUT('/api/v1/discipline/holidays/{year}', {
          params: { path: { year: String(year) } },
          body: { holidays } as never,
        })
      ).data as unknown as Holidays,
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      void qc.invalidateQueries({ queryKey: ['admin-case'] });
      setDate('');
      setName('');
    },
  });
  const own = q.data?.holidays ?? [];
  const shared = (q.data?.effectiveCalendar ?? []).filter((d) => !own.some((h) => h.date === d));
  const fieldError = (f: string) =>
    save.error instanceof ApiError && save.error.details.some((d) => d.field.endsWith(f))
      ? f === 'date'
        ? `Pilih tanggal di tahun ${year} yang belum ada di daftar`
        : 'Isi nama hari libur'
      : undefined;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2}>Hari libur untuk tenggat</Title>
        <Text size="sm">
          Tenggat dalam hari kerja (penyampaian SK, berlakunya hukuman) melewati Sabtu, Minggu dan hari libur di bawah
          ini.
        </Text>
        <NativeSelect
          label="Tahun hari libur"
          w={140}
          data={[thisYear() - 1, thisYear(), thisYear() + 1].map(String)}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
        />
        <ErrorBanner error={q.error} />
        {q.data && (
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label={`Hari libur ${year}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tanggal</Table.Th>
                  <Table.Th>Nama</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {own.map((h) => (
                  <Table.Tr key={h.date}>
                    <Table.Td>{formatDate(h.date)}</Table.Td>
                    <Table.Td>{h.name}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Hapus ${h.name} ${formatDate(h.date)}`}
                        onClick={() => save.mutate(own.filter((x) => x.date !== h.date))}
                      >
                        Hapus
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {shared.map((d) => (
                  <Table.Tr key={d}>
                    <Table.Td>{formatDate(d)}</Table.Td>
                    <Table.Td>Libur nasional (dari kalender Pembayaran TPP)</Table.Td>
                    <Table.Td />
                  </Table.Tr>
                ))}
                {own.length + shared.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={3}>Belum ada hari libur untuk tahun {year}.</Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate([...own, { date, name: name.trim() }]);
          }}
        >
          <Group align="start" wrap="wrap">
            <TextInput
              type="date"
              label="Tanggal libur"
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={fieldError('date')}
              required
            />
            <TextInput
              label="Nama hari libur"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError('name')}
              required
              w={260}
            />
            <Button type="submit" mt={25} loading={save.isPending}>
              Tambah
            </Button>
          </Group>
        </form>
        {save.isError && !fieldError('date') && !fieldError('name') && <ErrorBanner error={save.error} />}
      </Stack>
    </Card>
  );
}
