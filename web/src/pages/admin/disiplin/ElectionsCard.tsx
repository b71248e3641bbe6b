import { Button, Card, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate } from '../../../lib/format';
import { applyApiErrors } from '../../../lib/form-errors';

interface Election {
  code: string;
  kind: 'PEMILU' | 'PILKADA';
  name: string;
  from: string;
  to: string;
  penetapan: string;
  legalBasis: string;
}
type Values = Election;

const EMPTY: Values = { code: '', kind: 'PILKADA', name: '', from: '', to: '', penetapan: '', legalBasis: '' };

/** Data pemilihan (04 §7): the penetapan pasangan calon date decides bakal calon vs calon for a reported act. */
export function ElectionsCard() {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['admin-elections'],
    queryFn: async () => (await api.GET('/api/v1/discipline/elections')).data as unknown as { items: Election[] },
  });
  const form = useForm<Values>({ initialValues: EMPTY });
  const known = (path: string) => path in form.values;
  const add = useMutation({
    mutationFn: async (v: Values) =>
      (
        await api.POST('/api/v1/discipline/elections', {
          body: { ...v, code: v.code.trim().toUpperCase(), name: v.name.trim(), legalBasis: v.legalBasis.trim() },
        })
      ).data,
    onSuccess: async () => {
      form.reset();
      await qc.invalidateQueries({ queryKey: ['admin-elections'] });
    },
    onError: (e) => applyApiErrors(form, e, known),
  });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2}>Data pemilihan</Title>
        <Text size="sm">
          Tahapan kasus netralitas ditentukan dari tanggal penetapan pasangan calon: sebelum tanggal itu bakal calon,
          sejak tanggal itu calon.
        </Text>
        <ErrorBanner error={list.error} />
        {list.data && list.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Data pemilihan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Pemilihan</Table.Th>
                  <Table.Th>Masa</Table.Th>
                  <Table.Th>Penetapan pasangan calon</Table.Th>
                  <Table.Th>Dasar hukum</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((e) => (
                  <Table.Tr key={e.code}>
                    <Table.Td>
                      {e.name} ({e.code})
                    </Table.Td>
                    <Table.Td>
                      {formatDate(e.from)} – {formatDate(e.to)}
                    </Table.Td>
                    <Table.Td>{formatDate(e.penetapan)}</Table.Td>
                    <Table.Td>{e.legalBasis}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
          <Stack gap="xs">
            <ErrorBanner error={add.error} onField={known} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Kode pemilihan" required {...form.getInputProps('code')} />
              <NativeSelect
                label="Jenis"
                data={[
                  { value: 'PILKADA', label: 'Pilkada' },
                  { value: 'PEMILU', label: 'Pemilu' },
                ]}
                {...form.getInputProps('kind')}
              />
              <TextInput label="Nama pemilihan" required {...form.getInputProps('name')} />
              <TextInput type="date" label="Masa dari" required {...form.getInputProps('from')} />
              <TextInput type="date" label="Masa sampai" required {...form.getInputProps('to')} />
              <TextInput
                type="date"
                label="Tanggal penetapan pasangan calon"
                required
                {...form.getInputProps('penetapan')}
              />
            </SimpleGrid>
            <TextInput label="Dasar hukum" required {...form.getInputProps('legalBasis')} />
            <Button type="submit" loading={add.isPending} w="fit-content">
              Simpan
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
