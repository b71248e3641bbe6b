import { Alert, Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, humanMessage } from '../../../api/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyApiErrors } from '../../../lib/form-errors';
import { options } from '../unit-options';
import { DELEGATION_KIND_LABELS } from './labels';

interface Values {
  scope: 'employee' | 'reports';
  ppkNip: string;
  kind: string;
  validFrom: string;
  validTo: string;
  reason: string;
  /** PLT only: the acting post's kelas jabatan and level, for the TPP Plt add-on. */
  actingKelasJabatan: number | string;
  actingLevel: '' | 'SAME' | 'HIGHER';
}

const ACTING_LEVELS = [
  { value: '', label: 'Otomatis (dari kelas jabatan)' },
  { value: 'SAME', label: 'Setingkat' },
  { value: 'HIGHER', label: 'Lebih tinggi' },
];

/** POST /delegations from the employee page: the API's field messages land on the fields; what was typed stays. */
export function DelegationForm({ nip }: { nip: string }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      scope: 'employee',
      ppkNip: '',
      kind: 'PLT',
      validFrom: '',
      validTo: '',
      reason: '',
      actingKelasJabatan: '',
      actingLevel: '',
    },
  });
  // The API names the target `employeeNip` / `forReportsOfNip`; both are the scope choice here.
  const known = (path: string) => path in form.values || path === 'employeeNip' || path === 'forReportsOfNip';
  const create = useMutation({
    mutationFn: async (v: Values) =>
      (
        await api.POST('/api/v1/delegations', {
          body: {
            ...(v.scope === 'employee' ? { employeeNip: nip } : { forReportsOfNip: nip }),
            ppkNip: v.ppkNip.replace(/\s/g, ''),
            kind: v.kind as 'PLT',
            validFrom: v.validFrom,
            validTo: v.validTo || null,
            reason: v.reason.trim() || undefined,
            ...(v.kind === 'PLT' && {
              actingKelasJabatan: v.actingKelasJabatan === '' ? undefined : Number(v.actingKelasJabatan),
              actingLevel: v.actingLevel || undefined,
            }),
          } as never,
        })
      ).data as unknown as { items: unknown[] },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['admin-employee-delegations'] });
      await qc.invalidateQueries({ queryKey: ['admin-employee', nip] });
      form.reset();
      setOpen(false);
    },
    onError: (e) => {
      applyApiErrors(form, e, known);
      const scope = e instanceof ApiError && e.details.find((d) => /^(employeeNip|forReportsOfNip)$/.test(d.field));
      if (scope) form.setFieldError('scope', humanMessage(scope.problem));
    },
  });
  if (!open)
    return (
      <Stack gap="xs">
        {create.isSuccess && (
          <Alert color="green" role="status">
            Plt / Plh disimpan.
          </Alert>
        )}
        <Group>
          <Button variant="light" onClick={() => setOpen(true)}>
            Tambah Plt / Plh
          </Button>
        </Group>
      </Stack>
    );
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate aria-label="Tambah Plt / Plh">
      <Stack>
        <Title order={3}>Tambah Plt / Plh</Title>
        <ErrorBanner error={create.error} onField={known} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Berlaku untuk"
            data={[
              { value: 'employee', label: 'Pegawai ini (dinilai oleh Plt / Plh)' },
              { value: 'reports', label: 'Semua bawahan langsung pegawai ini' },
            ]}
            {...form.getInputProps('scope')}
          />
          <NativeSelect label="Jenis" data={options(DELEGATION_KIND_LABELS)} {...form.getInputProps('kind')} />
          <TextInput
            label="NIP pejabat Plt / Plh"
            description="Pejabat yang menilai selama Plt / Plh"
            required
            {...form.getInputProps('ppkNip')}
          />
          <TextInput label="Dasar (nomor surat perintah)" {...form.getInputProps('reason')} />
          <TextInput type="date" label="Mulai" required {...form.getInputProps('validFrom')} />
          <TextInput
            type="date"
            label="Sampai"
            description="Kosongkan bila belum ditentukan"
            {...form.getInputProps('validTo')}
          />
          {form.values.kind === 'PLT' && (
            <>
              <NumberInput
                label="Kelas jabatan yang dijabat Plt"
                description="Untuk tambahan TPP Plt; tanpa ini TPP bulan Plt diberi peringatan"
                min={1}
                max={17}
                allowDecimal={false}
                clampBehavior="none"
                {...form.getInputProps('actingKelasJabatan')}
              />
              <NativeSelect
                label="Tingkat jabatan Plt"
                description="Dibandingkan dengan jabatan definitif pejabat Plt"
                data={ACTING_LEVELS}
                {...form.getInputProps('actingLevel')}
              />
            </>
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            Simpan Plt / Plh
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            Batal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
