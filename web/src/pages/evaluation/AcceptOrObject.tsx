import { Alert, Button, Card, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EvaluationView } from '../../api/types';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyApiErrors } from '../../lib/form-errors';
import { daysUntil, formatDate } from '../../lib/format';

/** An issued result: accept it (FINAL) or file a keberatan within the window. */
export function AcceptOrObject({ view, queryKey }: { view: EvaluationView; queryKey: unknown[] }) {
  const qc = useQueryClient();
  const path = { id: view.skpId, period: view.period };
  const done = (saved: EvaluationView, message: string) => {
    qc.setQueryData(queryKey, saved);
    void qc.invalidateQueries({ queryKey: ['evaluations', view.skpId] });
    notifications.show({ color: 'green', message });
  };
  const accept = useMutation({
    mutationFn: async () =>
      (await api.POST('/api/v1/skp/{id}/evaluations/{period}/accept', { params: { path } }))
        .data as unknown as EvaluationView,
    onSuccess: (s) => done(s, 'Hasil evaluasi diterima.'),
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim().length >= 10 ? null : 'Tulis alasan keberatan (minimal 10 karakter)') },
  });
  const object = useMutation({
    mutationFn: async (v: { reason: string }) =>
      (await api.POST('/api/v1/skp/{id}/evaluations/{period}/objection', { params: { path }, body: v }))
        .data as unknown as EvaluationView,
    onSuccess: (s) => done(s, 'Keberatan diajukan kepada Atasan Pejabat Penilai Kinerja.'),
    onError: (e) => applyApiErrors(form, e, (p) => p === 'reason'),
  });
  const left = view.objectionDeadline ? daysUntil(view.objectionDeadline) : null;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Terima atau Ajukan Keberatan
        </Title>
        {view.objectionDeadline && (
          <Alert color="violet" role="status">
            Masa keberatan sampai {formatDate(view.objectionDeadline)} ({left} hari lagi).
          </Alert>
        )}
        <ErrorBanner error={accept.error} />
        <Button onClick={() => accept.mutate()} loading={accept.isPending} w="fit-content">
          Terima
        </Button>
        <form onSubmit={form.onSubmit((v) => object.mutate(v))} noValidate>
          <Stack gap="xs">
            <ErrorBanner error={object.error} onField={(p) => p === 'reason'} />
            <Textarea label="Alasan keberatan" autosize minRows={2} {...form.getInputProps('reason')} />
            <Button type="submit" variant="default" loading={object.isPending} w="fit-content">
              Ajukan Keberatan
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
