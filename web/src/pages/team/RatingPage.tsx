import { Anchor, Button, Card, Group, Loader, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { DistributionReport, EvaluationView } from '../../api/types';
import { DistributionCurve } from '../../components/DistributionCurve';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { applyApiErrors } from '../../lib/form-errors';
import { formatDate, formatNip, formatPeriod } from '../../lib/format';
import { CORE_VALUE_LABELS, PREDICATE_LABELS, RATING_LABELS, RATINGS, label } from '../../lib/labels';
import { FinalizePanel, ObjectionExplanation } from './FinalizePanel';

interface RatingForm {
  resultRating: string;
  behaviorRating: string;
  results: Record<string, string>;
  values: Record<string, string>;
  note: string;
}

const ratingOptions = [
  { value: '', label: '— pilih —' },
  ...RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] })),
];

/** Tim Saya › one report's evaluation: realisations, the rating with feedback, the curve, finalising. */
export function RatingPage() {
  const { skpId, period } = useParams() as { skpId: string; period: string };
  const qc = useQueryClient();
  const key = ['evaluation', skpId, period];
  const ev = useQuery({
    queryKey: key,
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}/evaluations/{period}', { params: { path: { id: skpId, period } } }))
        .data as unknown as EvaluationView,
  });
  const form = useForm<RatingForm>({
    mode: 'controlled',
    initialValues: { resultRating: '', behaviorRating: '', results: {}, values: {}, note: '' },
    validate: {
      resultRating: (v) => (v || ev.data?.isUnitHead ? null : 'Pilih Rating Hasil Kerja'),
      behaviorRating: (v) => (v ? null : 'Pilih Rating Perilaku Kerja'),
    },
  });
  // Fill the form once from the stored rating (the form keeps what is typed afterwards, also when a save fails).
  useEffect(() => {
    if (!ev.data || form.initialized) return;
    form.initialize({
      resultRating: ev.data.resultRating ?? '',
      behaviorRating: ev.data.behaviorRating ?? '',
      results: Object.fromEntries(ev.data.results.map((r) => [r.id, r.feedback ?? ''])),
      values: Object.fromEntries(ev.data.behaviors.map((b) => [b.coreValue, b.feedback ?? ''])),
      note: ev.data.note ?? '',
    });
  }, [ev.data, form]);
  const rate = useMutation({
    mutationFn: async (v: RatingForm) => {
      const feedback = [
        ...Object.entries(v.results)
          .filter(([, t]) => t.trim())
          .map(([resultId, text]) => ({ resultId, text })),
        ...Object.entries(v.values)
          .filter(([, t]) => t.trim())
          .map(([coreValue, text]) => ({ coreValue: coreValue as 'AKUNTABEL', text })),
      ];
      const body = {
        ...(ev.data?.isUnitHead ? {} : { resultRating: v.resultRating as 'SESUAI_EKSPEKTASI' }),
        behaviorRating: v.behaviorRating as 'SESUAI_EKSPEKTASI',
        feedback,
        ...(v.note.trim() ? { note: v.note } : {}),
      };
      return (
        await api.PUT('/api/v1/skp/{id}/evaluations/{period}/rating', { params: { path: { id: skpId, period } }, body })
      ).data as unknown as EvaluationView;
    },
    onSuccess: (view) => {
      qc.setQueryData(key, view);
      void qc.invalidateQueries({ queryKey: ['evaluations', skpId] });
      void qc.invalidateQueries({ queryKey: ['distribution'] });
      notifications.show({
        color: 'green',
        message: `Penilaian disimpan: predikat ${label(PREDICATE_LABELS, view.predicate)}.`,
      });
    },
    onError: (e) => applyApiErrors(form, e, (p) => ['resultRating', 'behaviorRating', 'note'].includes(p)),
  });
  const e = ev.data;
  // The unit's curve as it stands with this rating (the view carries it only once issued).
  const rated = !!e && e.status !== 'DRAFT';
  const distribution = useQuery({
    queryKey: ['distribution', e?.unitCode, period],
    enabled: rated && !!e?.unitCode,
    queryFn: async () =>
      (
        await api.GET('/api/v1/units/{code}/distribution/{period}', {
          params: { path: { code: e!.unitCode!, period } },
        })
      ).data as unknown as DistributionReport,
  });
  const canRate = e && ['DRAFT', 'RATED'].includes(e.status);

  return (
    <Stack>
      <Title order={1}>Tim Saya</Title>
      <Anchor component={Link} to="/tim" size="sm">
        ‹ Kembali ke daftar tim
      </Anchor>
      <ErrorBanner error={ev.error} />
      {ev.isPending && <Loader aria-label="Memuat evaluasi" />}
      {e && (
        <>
          <Title order={2} size="h3">
            Evaluasi {formatPeriod(e.period)} — {e.name}
          </Title>
          <Group gap="xs">
            <Text size="sm">NIP {formatNip(e.nip)}</Text>
            <StatusBadge status={e.status === 'DRAFT' ? 'OPEN' : e.status} />
            {e.predicate && (
              <Text size="sm" fw={600}>
                Predikat: {label(PREDICATE_LABELS, e.predicate)}
              </Text>
            )}
          </Group>
          <form onSubmit={form.onSubmit((v) => rate.mutate(v))} noValidate>
            <Stack>
              <ErrorBanner
                error={rate.error}
                onField={(p) => ['resultRating', 'behaviorRating', 'note'].includes(p)}
                title="Penilaian belum tersimpan"
              />
              <Title order={3} size="h4">
                Hasil Kerja
              </Title>
              {e.results.map((r, i) => (
                <Card withBorder key={r.id}>
                  <Stack gap={6}>
                    <Text fw={600}>
                      RHK {i + 1}: {r.text}
                    </Text>
                    {r.indicators.map((ind) => (
                      <Text size="sm" key={ind.id}>
                        {ind.text} · Target {ind.target ?? '–'} · Realisasi {ind.realization ?? 'belum diisi'}
                        {ind.evidenceUrls.length > 0 && (
                          <>
                            {' '}
                            · Bukti Dukung:{' '}
                            {ind.evidenceUrls.map((u, k) => (
                              <Anchor key={k} href={u} target="_blank" rel="noreferrer" size="sm" ml={4}>
                                tautan {k + 1}
                              </Anchor>
                            ))}
                          </>
                        )}
                      </Text>
                    ))}
                    <Textarea
                      label={`Umpan Balik RHK ${i + 1}`}
                      autosize
                      minRows={1}
                      disabled={!canRate}
                      {...form.getInputProps(`results.${r.id}`)}
                    />
                  </Stack>
                </Card>
              ))}
              {!e.isUnitHead ? (
                <NativeSelect
                  label="Rating Hasil Kerja"
                  data={ratingOptions}
                  disabled={!canRate}
                  {...form.getInputProps('resultRating')}
                />
              ) : (
                <Text size="sm">
                  Rating Hasil Kerja mengikuti Capaian Kinerja Organisasi ({e.orgPredicate ?? 'belum ditetapkan'}).
                </Text>
              )}
              <Title order={3} size="h4">
                Perilaku Kerja
              </Title>
              {e.behaviors.map((b) => (
                <Textarea
                  key={b.coreValue}
                  label={`Umpan Balik ${CORE_VALUE_LABELS[b.coreValue]}`}
                  description={b.specialExpectation ? `Ekspektasi Khusus Pimpinan: ${b.specialExpectation}` : undefined}
                  autosize
                  minRows={1}
                  disabled={!canRate}
                  {...form.getInputProps(`values.${b.coreValue}`)}
                />
              ))}
              <NativeSelect
                label="Rating Perilaku Kerja"
                data={ratingOptions}
                disabled={!canRate}
                {...form.getInputProps('behaviorRating')}
              />
              <Textarea
                label="Catatan / Rekomendasi"
                autosize
                minRows={1}
                disabled={!canRate}
                {...form.getInputProps('note')}
              />
              {canRate && (
                <Button type="submit" loading={rate.isPending} w="fit-content">
                  Nilai
                </Button>
              )}
            </Stack>
          </form>
          <ErrorBanner error={distribution.error} />
          {(distribution.data ?? e.distribution) && (
            <DistributionCurve report={(distribution.data ?? e.distribution)!} />
          )}
          {e.status === 'RATED' && (
            <FinalizePanel
              view={e}
              violations={(distribution.data ?? e.distribution)?.violations.length ?? 0}
              queryKey={key}
            />
          )}
          {e.issuedAt && (
            <Text size="sm">
              Diterbitkan {formatDate(e.issuedAt)}; batas keberatan {formatDate(e.objectionDeadline)}.
            </Text>
          )}
          {e.status === 'OBJECTED' && <ObjectionExplanation view={e} queryKey={key} />}
        </>
      )}
    </Stack>
  );
}
