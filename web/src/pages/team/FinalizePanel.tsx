import { Alert, Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { EvaluationView } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyApiErrors } from '../../lib/form-errors';

/** Terbitkan: RATED → ISSUED after the unit's distribution check; a justification when it finds violations. */
export function FinalizePanel({
  view,
  violations,
  queryKey,
}: {
  view: EvaluationView;
  violations: number;
  queryKey: unknown[];
}) {
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { justification: '' },
    validate: {
      justification: (v) =>
        violations > 0 && v.trim().length < 10
          ? 'Tulis justifikasi (minimal 10 karakter) karena pola distribusi tidak terpenuhi'
          : null,
    },
  });
  const finalize = useMutation({
    mutationFn: async (v: { justification: string }) =>
      (
        await api.POST('/api/v1/skp/{id}/evaluations/{period}/finalize', {
          params: { path: { id: view.skpId, period: view.period } },
          body: v.justification.trim() ? { justification: v.justification } : {},
        })
      ).data as unknown as EvaluationView,
    onSuccess: (saved) => {
      qc.setQueryData(queryKey, saved);
      void qc.invalidateQueries({ queryKey: ['evaluations', view.skpId] });
      void qc.invalidateQueries({ queryKey: ['distribution'] });
      notifications.show({ color: 'green', message: 'Hasil evaluasi diterbitkan; masa keberatan dimulai.' });
    },
    onError: (e) => applyApiErrors(form, e, (p) => p === 'justification'),
  });
  return (
    <form onSubmit={form.onSubmit((v) => finalize.mutate(v))} noValidate>
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h4">
          Terbitkan Hasil Evaluasi
        </Title>
        <ErrorBanner error={finalize.error} onField={(p) => p === 'justification'} title="Belum dapat diterbitkan" />
        {violations > 0 ? (
          <Alert color="orange" role="status">
            Menerbitkan akan mencatat {violations} pelanggaran pola distribusi; tuliskan justifikasinya.
          </Alert>
        ) : (
          <Text size="sm">Pola distribusi terpenuhi.</Text>
        )}
        <Textarea
          label="Justifikasi"
          description="Wajib bila pola distribusi tidak terpenuhi; dicatat dalam jejak audit"
          autosize
          minRows={2}
          {...form.getInputProps('justification')}
        />
        <Button type="submit" loading={finalize.isPending} w="fit-content">
          Terbitkan
        </Button>
      </Stack>
    </form>
  );
}

/** The PPK's penjelasan on a keberatan (DEKP item 7), while it awaits the atasan PPK. */
export function ObjectionExplanation({ view, queryKey }: { view: EvaluationView; queryKey: unknown[] }) {
  const qc = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { text: view.objection?.ppkExplanation ?? '' } });
  const explain = useMutation({
    mutationFn: async (v: { text: string }) =>
      (
        await api.POST('/api/v1/skp/{id}/evaluations/{period}/objection/explanation', {
          params: { path: { id: view.skpId, period: view.period } },
          body: v,
        })
      ).data as unknown as EvaluationView,
    onSuccess: (saved) => {
      qc.setQueryData(queryKey, saved);
      notifications.show({ color: 'green', message: 'Penjelasan disimpan.' });
    },
    onError: (e) => applyApiErrors(form, e, (p) => p === 'text'),
  });
  return (
    <form onSubmit={form.onSubmit((v) => explain.mutate(v))} noValidate>
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h4">
          Keberatan Pegawai
        </Title>
        <Text size="sm">{view.objection?.reason}</Text>
        <ErrorBanner error={explain.error} onField={(p) => p === 'text'} />
        <Textarea label="Penjelasan Pejabat Penilai Kinerja" autosize minRows={2} {...form.getInputProps('text')} />
        <Button type="submit" loading={explain.isPending} w="fit-content">
          Simpan
        </Button>
      </Stack>
    </form>
  );
}
