import { Anchor, Button, Group, Loader, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { EvaluationView } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { applyApiErrors } from '../../lib/form-errors';
import { formatNip, formatPeriod } from '../../lib/format';
import { ObjectionSummary } from './ObjectionSummary';
import { PREDICATE_LABELS, RATING_LABELS, RATINGS, label } from '../../lib/labels';

const FIELDS = ['resultRating', 'behaviorRating', 'decisionNote'];
const ratingOptions = [
  { value: '', label: '— pilih —' },
  ...RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] })),
];

/** Keberatan › one objection: both statements, the DEKP, and the atasan PPK's final decision. */
export function DecisionPage() {
  const { skpId, period } = useParams() as { skpId: string; period: string };
  const qc = useQueryClient();
  const navigate = useNavigate();
  const ev = useQuery({
    queryKey: ['evaluation', skpId, period],
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}/evaluations/{period}', { params: { path: { id: skpId, period } } }))
        .data as unknown as EvaluationView,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { resultRating: '', behaviorRating: '', decisionNote: '' },
    validate: {
      resultRating: (v) => (v ? null : 'Pilih Rating Hasil Kerja'),
      behaviorRating: (v) => (v ? null : 'Pilih Rating Perilaku Kerja'),
      decisionNote: (v) => (v.trim().length >= 10 ? null : 'Tulis keputusan (minimal 10 karakter)'),
    },
  });
  const decide = useMutation({
    mutationFn: async (v: typeof form.values) =>
      (
        await api.POST('/api/v1/skp/{id}/evaluations/{period}/objection/decision', {
          params: { path: { id: skpId, period } },
          body: {
            resultRating: v.resultRating as 'SESUAI_EKSPEKTASI',
            behaviorRating: v.behaviorRating as 'SESUAI_EKSPEKTASI',
            decisionNote: v.decisionNote,
          },
        })
      ).data as unknown as EvaluationView,
    onSuccess: (saved) => {
      qc.setQueryData(['evaluation', skpId, period], saved);
      void qc.invalidateQueries({ queryKey: ['team'] });
      notifications.show({
        color: 'green',
        message: `Keberatan diputuskan: predikat ${label(PREDICATE_LABELS, saved.predicate)} (final).`,
      });
      navigate('/keberatan');
    },
    onError: (e) => applyApiErrors(form, e, (p) => FIELDS.includes(p)),
  });
  const e = ev.data;
  return (
    <Stack>
      <Title order={1}>Keberatan</Title>
      <Anchor component={Link} to="/keberatan" size="sm">
        ‹ Kembali ke daftar keberatan
      </Anchor>
      <ErrorBanner error={ev.error} />
      {ev.isPending && <Loader aria-label="Memuat keberatan" />}
      {e && (
        <>
          <Title order={2} size="h3">
            {e.name} — {formatPeriod(e.period)}
          </Title>
          <Group gap="xs">
            <Text size="sm">NIP {formatNip(e.nip)}</Text>
            <StatusBadge status={e.status} />
          </Group>
          <ObjectionSummary e={e} />
          {e.status === 'OBJECTED' ? (
            <form onSubmit={form.onSubmit((v) => decide.mutate(v))} noValidate>
              <Stack maw={640} gap="xs">
                <Title order={3} size="h4">
                  Keputusan Atasan Pejabat Penilai Kinerja
                </Title>
                <ErrorBanner
                  error={decide.error}
                  onField={(p) => FIELDS.includes(p)}
                  title="Keputusan belum tersimpan"
                />
                <NativeSelect label="Rating Hasil Kerja" data={ratingOptions} {...form.getInputProps('resultRating')} />
                <NativeSelect
                  label="Rating Perilaku Kerja"
                  data={ratingOptions}
                  {...form.getInputProps('behaviorRating')}
                />
                <Textarea label="Keputusan" autosize minRows={2} {...form.getInputProps('decisionNote')} />
                <Button type="submit" loading={decide.isPending} w="fit-content">
                  Putuskan
                </Button>
              </Stack>
            </form>
          ) : (
            <Text>
              Keputusan: {e.objection?.decisionNote ?? '–'} · Predikat {label(PREDICATE_LABELS, e.predicate)}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
