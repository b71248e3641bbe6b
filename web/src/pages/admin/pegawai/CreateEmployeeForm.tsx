import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyApiErrors } from '../../../lib/form-errors';
import { JENJANG_LABELS, KIND_LABELS, options, unitSelectData, useUnitOptions } from '../unit-options';

interface Values {
  nip: string;
  name: string;
  status: string;
  golongan: string;
  unitCode: string;
  supervisorNip: string;
  password: string;
  position: { title: string; kind: string; jenjang: string; kelasJabatan: number; isUnitHead: boolean; tmt: string };
}

/** A new PNS/PPPK (POST /employees); the API's field messages land on the fields, nothing typed is lost. */
export function CreateEmployeeForm() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const units = useUnitOptions();
  const form = useForm<Values>({
    initialValues: {
      nip: '',
      name: '',
      status: 'PNS',
      golongan: '',
      unitCode: '',
      supervisorNip: '',
      password: '',
      position: { title: '', kind: 'PELAKSANA', jenjang: '', kelasJabatan: 5, isUnitHead: false, tmt: '' },
    },
  });
  const known = (path: string) => path in form.values || path.startsWith('position.');
  const create = useMutation({
    mutationFn: async (v: Values) => {
      await api.POST('/api/v1/employees', {
        body: {
          nip: v.nip.replace(/\s/g, ''),
          name: v.name.trim(),
          status: v.status as never,
          golongan: v.golongan.trim(),
          unitCode: v.unitCode,
          supervisorNip: v.supervisorNip.replace(/\s/g, '') || null,
          password: v.password || undefined,
          position: {
            ...v.position,
            title: v.position.title.trim(),
            kind: v.position.kind as never,
            jenjang: (v.position.kind === 'FUNGSIONAL' ? v.position.jenjang || null : null) as never,
          },
        },
      });
      return v.nip.replace(/\s/g, '');
    },
    onSuccess: async (nip) => {
      await qc.invalidateQueries({ queryKey: ['admin-employees'] });
      void navigate(`/admin/pegawai/${nip}`);
    },
    onError: (e) => applyApiErrors(form, e, known),
  });
  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack>
          <Title order={2}>Tambah pegawai</Title>
          <ErrorBanner error={create.error} onField={known} />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <TextInput label="NIP" required {...form.getInputProps('nip')} />
            <TextInput label="Nama" required {...form.getInputProps('name')} />
            <NativeSelect label="Status kepegawaian" data={['PNS', 'PPPK']} {...form.getInputProps('status')} />
            <TextInput label="Golongan" required {...form.getInputProps('golongan')} />
            <NativeSelect
              label="Unit Kerja"
              required
              data={[{ value: '', label: 'Pilih unit' }, ...unitSelectData(units.data)]}
              {...form.getInputProps('unitCode')}
            />
            <TextInput label="NIP atasan langsung" {...form.getInputProps('supervisorNip')} />
            <TextInput label="Jabatan" required {...form.getInputProps('position.title')} />
            <NativeSelect label="Jenis jabatan" data={options(KIND_LABELS)} {...form.getInputProps('position.kind')} />
            <NativeSelect
              label="Jenjang"
              data={[{ value: '', label: '—' }, ...options(JENJANG_LABELS)]}
              disabled={form.values.position.kind !== 'FUNGSIONAL'}
              {...form.getInputProps('position.jenjang')}
            />
            <NumberInput label="Kelas jabatan" min={1} max={17} {...form.getInputProps('position.kelasJabatan')} />
            <TextInput type="date" label="TMT jabatan" required {...form.getInputProps('position.tmt')} />
            <PasswordInput label="Kata sandi awal" {...form.getInputProps('password')} />
          </SimpleGrid>
          <Checkbox label="Kepala unit" {...form.getInputProps('position.isUnitHead', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Simpan
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
