import { Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyApiErrors } from '../../../lib/form-errors';
import { formatDate } from '../../../lib/format';
import { JENJANG_LABELS, KIND_LABELS, options, unitSelectData, useUnitOptions } from '../unit-options';
import { useDelegations } from './DelegationsCard';
import { EVENT_LABELS } from './labels';

const PLT_EVENTS = ['PLT_START', 'PLT_END'];

export interface Current {
  nip: string;
  golongan: string;
  unitCode: string;
  supervisorNip: string | null;
  position: {
    title: string;
    kind: string;
    jenjang: string | null;
    kelasJabatan: number;
    isUnitHead: boolean;
    tmt: string;
  };
}

interface Values {
  effectiveFrom: string;
  unitCode: string;
  golongan: string;
  supervisorNip: string;
  position: { title: string; kind: string; jenjang: string; kelasJabatan: number; tmt: string };
  reason: string;
  event: string;
  delegationId: string;
}

/**
 * Mutasi / promosi from an effective date (PATCH /employees/{nip}) with its event (spec 04 §1.2), which decides
 * the SKP that closes or opens; only what changed is sent; history keeps the rest.
 */
export function MutationForm({ current, onDone }: { current: Current; onDone: () => void }) {
  const actsFor = useDelegations('ppkNip', current.nip);
  const ratedBy = useDelegations('employeeNip', current.nip);
  const delegations = [...(actsFor.data?.items ?? []), ...(ratedBy.data?.items ?? [])].filter((d) => d.kind === 'PLT');
  const qc = useQueryClient();
  const units = useUnitOptions();
  const initial: Values = {
    effectiveFrom: '',
    unitCode: current.unitCode,
    golongan: current.golongan,
    supervisorNip: current.supervisorNip ?? '',
    position: {
      title: current.position.title,
      kind: current.position.kind,
      jenjang: current.position.jenjang ?? '',
      kelasJabatan: current.position.kelasJabatan,
      tmt: current.position.tmt,
    },
    reason: '',
    event: '',
    delegationId: '',
  };
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      effectiveFrom: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Isi tanggal berlaku'),
      reason: (v) => (v.trim() ? null : 'Isi alasan mutasi (mis. nomor SK)'),
    },
  });
  const known = (path: string) => path in form.values || path.startsWith('position.');
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const p = v.position;
      const positionChanged =
        p.title !== initial.position.title ||
        p.kind !== initial.position.kind ||
        p.jenjang !== initial.position.jenjang ||
        p.kelasJabatan !== initial.position.kelasJabatan ||
        p.tmt !== initial.position.tmt;
      const body = {
        effectiveFrom: v.effectiveFrom,
        reason: v.reason.trim(),
        ...(v.event && { event: v.event }),
        ...(PLT_EVENTS.includes(v.event) && v.delegationId && { delegationId: v.delegationId }),
        ...(v.unitCode !== initial.unitCode && { unitCode: v.unitCode }),
        ...(v.golongan !== initial.golongan && { golongan: v.golongan.trim() }),
        ...(v.supervisorNip !== initial.supervisorNip && { supervisorNip: v.supervisorNip.trim() || null }),
        ...(positionChanged && {
          position: {
            title: p.title.trim(),
            kind: p.kind,
            jenjang: p.kind === 'FUNGSIONAL' ? p.jenjang || null : null,
            kelasJabatan: p.kelasJabatan,
            isUnitHead: current.position.isUnitHead,
            tmt: p.tmt,
          },
        }),
      };
      const res = await api.PATCH('/api/v1/employees/{nip}', {
        params: { path: { nip: current.nip } },
        body: body as never,
      });
      return res.data;
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['admin-employee', current.nip] });
      // The event closes or opens SKP segments in the background (spec 04 §1.2): refetch them shortly.
      setTimeout(() => void qc.invalidateQueries({ queryKey: ['admin-employee-skp', current.nip] }), 1500);
      form.reset();
      onDone();
    },
    onError: (e) => applyApiErrors(form, e, known),
  });
  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <Title order={2}>Catat mutasi</Title>
          <ErrorBanner error={save.error} onField={known} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label="Berlaku mulai" required {...form.getInputProps('effectiveFrom')} />
            <NativeSelect
              label="Peristiwa"
              description="Menentukan SKP yang ditutup atau dimulai"
              data={[{ value: '', label: 'Otomatis dari perubahan' }, ...options(EVENT_LABELS)]}
              {...form.getInputProps('event')}
            />
            {PLT_EVENTS.includes(form.values.event) && (
              <NativeSelect
                label="Plt"
                data={[
                  { value: '', label: 'Semua Plt pegawai ini' },
                  ...delegations.map((d) => ({
                    value: d.id,
                    label: `${d.employeeName} ← ${d.ppkName}, ${formatDate(d.validFrom)}`,
                  })),
                ]}
                {...form.getInputProps('delegationId')}
              />
            )}
            <NativeSelect label="Unit Kerja" data={unitSelectData(units.data)} {...form.getInputProps('unitCode')} />
            <TextInput label="Jabatan" {...form.getInputProps('position.title')} />
            <NativeSelect label="Jenis jabatan" data={options(KIND_LABELS)} {...form.getInputProps('position.kind')} />
            <NativeSelect
              label="Jenjang"
              data={[{ value: '', label: '—' }, ...options(JENJANG_LABELS)]}
              disabled={form.values.position.kind !== 'FUNGSIONAL'}
              {...form.getInputProps('position.jenjang')}
            />
            <NumberInput label="Kelas jabatan" min={1} max={17} {...form.getInputProps('position.kelasJabatan')} />
            <TextInput type="date" label="TMT jabatan" {...form.getInputProps('position.tmt')} />
            <TextInput label="Golongan" {...form.getInputProps('golongan')} />
            <TextInput
              label="NIP atasan langsung"
              description="Kosongkan bila tidak ada atasan"
              {...form.getInputProps('supervisorNip')}
            />
            <TextInput label="Alasan (mis. nomor SK)" required {...form.getInputProps('reason')} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Simpan mutasi
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
