import {
  ActionIcon,
  Button,
  Card,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, SkpListItem, SkpView } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyApiErrors } from '../../lib/form-errors';
import { ASPECT_LABELS, CORE_VALUE_LABELS, KIND_LABELS } from '../../lib/labels';

interface IndicatorForm {
  id?: string;
  text: string;
  aspect: string;
  target: string;
}
interface ResultForm {
  id?: string;
  kind: string;
  text: string;
  parentResultId: string;
  indicators: IndicatorForm[];
}
interface SkpForm {
  results: ResultForm[];
  behaviors: { coreValue: string; specialExpectation: string }[];
}

const emptyIndicator = (): IndicatorForm => ({ text: '', aspect: 'KUANTITAS', target: '' });
const emptyResult = (): ResultForm => ({ kind: 'UTAMA', text: '', parentResultId: '', indicators: [emptyIndicator()] });

function toForm(skp: SkpView): SkpForm {
  return {
    results: skp.results.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: r.text,
      parentResultId: r.parentResultId ?? '',
      indicators: r.indicators.map((i) => ({ id: i.id, text: i.text, aspect: i.aspect ?? '', target: i.target ?? '' })),
    })),
    behaviors: Object.keys(CORE_VALUE_LABELS).map((cv) => ({
      coreValue: cv,
      specialExpectation: skp.behaviors.find((b) => b.coreValue === cv)?.specialExpectation ?? '',
    })),
  };
}

// `as never` at the call: the OpenAPI document still declares nullable string fields as objects (fixed with its exact schemas).
function toBody(v: SkpForm) {
  return {
    results: v.results.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      kind: r.kind as 'UTAMA' | 'TAMBAHAN',
      text: r.text,
      parentResultId: r.parentResultId || null,
      indicators: r.indicators.map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        text: i.text,
        aspect: (i.aspect || null) as 'KUANTITAS' | null,
        target: i.target || null,
      })),
    })),
    behaviors: v.behaviors.map((b) => ({
      coreValue: b.coreValue as 'AKUNTABEL',
      specialExpectation: b.specialExpectation || null,
    })),
  };
}

/** The PPK's approved SKP of the same year: the RHK a result may intervene (RHK Pimpinan yang Diintervensi). */
function useLeaderResults(ppkNip: string | null, year: number) {
  return useQuery({
    queryKey: ['skp', 'leader', ppkNip, year],
    enabled: !!ppkNip,
    queryFn: async () => {
      const list = (await api.GET('/api/v1/skp', { params: { query: { nip: ppkNip!, year, status: 'APPROVED' } } }))
        .data as unknown as Page<SkpListItem>;
      const id = list.items[0]?.id;
      if (!id) return [];
      const skp = (await api.GET('/api/v1/skp/{id}', { params: { path: { id } } })).data as unknown as SkpView;
      return skp.results.map((r) => ({ value: r.id, label: r.text }));
    },
  });
}

export function SkpEditor({ skp, ppkNip }: { skp: SkpView; ppkNip: string | null }) {
  const qc = useQueryClient();
  const form = useForm<SkpForm>({ mode: 'controlled', initialValues: toForm(skp) });
  const leader = useLeaderResults(ppkNip, skp.year);
  const known = (p: string) => p.startsWith('results.') || p.startsWith('behaviors.');
  const save = useMutation({
    mutationFn: async (v: SkpForm) =>
      (await api.PATCH('/api/v1/skp/{id}', { params: { path: { id: skp.id } }, body: toBody(v) as never }))
        .data as unknown as SkpView,
    onSuccess: (saved) => {
      qc.setQueryData(['skp', skp.id], saved);
      form.setValues(toForm(saved));
      form.resetDirty(toForm(saved));
      notifications.show({ color: 'green', message: 'SKP disimpan.' });
    },
    onError: (e) => applyApiErrors(form, e, known),
  });
  const submit = useMutation({
    mutationFn: async (v: SkpForm) => {
      await api.PATCH('/api/v1/skp/{id}', { params: { path: { id: skp.id } }, body: toBody(v) as never });
      return (await api.POST('/api/v1/skp/{id}/submit', { params: { path: { id: skp.id } } })).data;
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'SKP diajukan kepada Pejabat Penilai Kinerja.' });
      return qc.invalidateQueries({ queryKey: ['skp'] });
    },
    onError: (e) => applyApiErrors(form, e, known),
  });
  const error = save.error ?? submit.error;
  const leaderOptions = [
    { value: '', label: leader.data?.length ? '— pilih RHK pimpinan —' : '— SKP pimpinan belum disetujui —' },
    ...(leader.data ?? []),
  ];

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ErrorBanner error={error} title="SKP belum dapat disimpan atau diajukan" onField={known} />
        <Title order={2} size="h3">
          Rencana Hasil Kerja (RHK)
        </Title>
        {form.values.results.map((r, ri) => (
          <Card withBorder key={r.id ?? `new-${ri}`} component="fieldset" aria-label={`RHK ${ri + 1}`}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600} component="legend">
                  RHK {ri + 1}
                </Text>
                <Button variant="subtle" color="red" size="xs" onClick={() => form.removeListItem('results', ri)}>
                  Hapus RHK {ri + 1}
                </Button>
              </Group>
              <NativeSelect
                label="Jenis RHK"
                data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
                {...form.getInputProps(`results.${ri}.kind`)}
              />
              <Textarea
                label="Rencana Hasil Kerja"
                autosize
                minRows={2}
                {...form.getInputProps(`results.${ri}.text`)}
              />
              <NativeSelect
                label="RHK Pimpinan yang Diintervensi"
                data={leaderOptions}
                {...form.getInputProps(`results.${ri}.parentResultId`)}
              />
              {r.indicators.map((_, ii) => (
                <Fieldset key={ii} legend={`Indikator Kinerja Individu (IKI) ${ii + 1}`} variant="filled">
                  <Stack gap="xs">
                    <Textarea
                      label="Indikator"
                      autosize
                      minRows={1}
                      {...form.getInputProps(`results.${ri}.indicators.${ii}.text`)}
                    />
                    <Group grow align="start">
                      <NativeSelect
                        label="Aspek"
                        data={[
                          { value: '', label: '—' },
                          ...Object.entries(ASPECT_LABELS).map(([value, label]) => ({ value, label })),
                        ]}
                        {...form.getInputProps(`results.${ri}.indicators.${ii}.aspect`)}
                      />
                      <TextInput label="Target" {...form.getInputProps(`results.${ri}.indicators.${ii}.target`)} />
                    </Group>
                    {r.indicators.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Hapus IKI ${ii + 1}`}
                        onClick={() => form.removeListItem(`results.${ri}.indicators`, ii)}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Stack>
                </Fieldset>
              ))}
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem(`results.${ri}.indicators`, emptyIndicator())}
              >
                Tambah IKI
              </Button>
            </Stack>
          </Card>
        ))}
        <Button variant="light" onClick={() => form.insertListItem('results', emptyResult())}>
          Tambah RHK
        </Button>
        <Title order={2} size="h3">
          Perilaku Kerja (Nilai Dasar BerAKHLAK)
        </Title>
        {form.values.behaviors.map((b, bi) => (
          <Textarea
            key={b.coreValue}
            label={`${CORE_VALUE_LABELS[b.coreValue]} — Ekspektasi Khusus Pimpinan`}
            autosize
            minRows={1}
            {...form.getInputProps(`behaviors.${bi}.specialExpectation`)}
          />
        ))}
        <Group>
          <Button type="submit" variant="default" loading={save.isPending}>
            Simpan
          </Button>
          <Button loading={submit.isPending} onClick={() => submit.mutate(form.getValues())}>
            Ajukan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
