import { Alert, Button, Card, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, download } from '../../api/client';
import type { EvaluationList, EvaluationView, Page, SkpListItem } from '../../api/types';
import { useMe } from '../../auth/me';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatPeriod } from '../../lib/format';
import { CORE_VALUE_LABELS, PREDICATE_LABELS, RATING_LABELS, label } from '../../lib/labels';
import { currentYear, defaultPeriod } from '../../lib/year';
import { AcceptOrObject } from './AcceptOrObject';
import { EvidenceFiles } from './EvidenceFiles';
import { RealizationForm } from './RealizationForm';

/** Evaluasi: per period, the realisations with bukti dukung, the rating and predikat, DEKP, accept or keberatan. */
export function EvaluasiPage() {
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(currentYear());
  const skp = useQuery({
    queryKey: ['skp', 'mine', year],
    queryFn: async () =>
      (await api.GET('/api/v1/skp', { params: { query: { nip: me.nip, year } } })).data as unknown as Page<SkpListItem>,
  });
  const mine = skp.data?.items[0];
  const approved = mine?.status === 'APPROVED';
  const list = useQuery({
    queryKey: ['evaluations', mine?.id],
    enabled: approved,
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}/evaluations', { params: { path: { id: mine!.id } } }))
        .data as unknown as EvaluationList,
  });
  const period = params.get('periode') ?? defaultPeriod(year);
  useEffect(() => {
    if (list.data && !list.data.items.some((i) => i.period === period))
      setParams({ periode: defaultPeriod(year) }, { replace: true });
  }, [list.data, period, year, setParams]);
  const key = ['evaluation', mine?.id, period];
  const ev = useQuery({
    queryKey: key,
    enabled: approved,
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}/evaluations/{period}', { params: { path: { id: mine!.id, period } } }))
        .data as unknown as EvaluationView,
  });
  const [dekpError, setDekpError] = useState<unknown>(null);
  const e = ev.data;
  const rated = e && ['RATED', 'ISSUED', 'OBJECTED', 'FINAL'].includes(e.status);

  return (
    <Stack>
      <Title order={1}>Evaluasi</Title>
      <Group align="end">
        <NativeSelect
          label="Tahun"
          w={110}
          data={[currentYear(), currentYear() - 1].map(String)}
          value={String(year)}
          onChange={(ev) => setYear(Number(ev.currentTarget.value))}
        />
        {list.data && (
          <NativeSelect
            label="Periode"
            w={200}
            value={period}
            onChange={(ev) => setParams({ periode: ev.currentTarget.value })}
            data={list.data.items.map((i) => ({ value: i.period, label: formatPeriod(i.period) }))}
          />
        )}
      </Group>
      <ErrorBanner error={skp.error ?? list.error ?? ev.error} />
      {(skp.isPending || (approved && ev.isPending)) && <Loader aria-label="Memuat evaluasi" />}
      {skp.data && !approved && (
        <Alert color="gray">Evaluasi dimulai setelah SKP {year} Anda disetujui Pejabat Penilai Kinerja.</Alert>
      )}
      {e && (
        <>
          <Group gap="xs">
            <Text fw={600}>{formatPeriod(e.period)}</Text>
            <StatusBadge status={e.status === 'DRAFT' ? 'OPEN' : e.status} />
          </Group>
          {rated && (
            <Card withBorder>
              <Stack gap={4}>
                <Title order={2} size="h3">
                  Predikat Kinerja: {label(PREDICATE_LABELS, e.predicate)}
                </Title>
                <Text size="sm">
                  Rating Hasil Kerja: {label(RATING_LABELS, e.resultRating)} · Rating Perilaku Kerja:{' '}
                  {label(RATING_LABELS, e.behaviorRating)}
                </Text>
                {e.explanation && (
                  <Text size="sm">
                    Penjelasan: {e.explanation.formula} ({e.explanation.legalBasis})
                  </Text>
                )}
                {e.note && <Text size="sm">Catatan: {e.note}</Text>}
                {e.objection?.decisionNote && (
                  <Text size="sm">Keputusan Atasan Pejabat Penilai Kinerja: {e.objection.decisionNote}</Text>
                )}
                <Group mt="xs">
                  <Button
                    variant="default"
                    onClick={() => {
                      setDekpError(null);
                      download(
                        `/skp/${e.skpId}/evaluations/${e.period}/document.pdf`,
                        `DEKP-${e.nip}-${e.period}.pdf`,
                      ).catch(setDekpError);
                    }}
                  >
                    Unduh PDF (DEKP)
                  </Button>
                </Group>
                <ErrorBanner error={dekpError} />
              </Stack>
            </Card>
          )}
          {rated && (e.results.some((r) => r.feedback) || e.behaviors.some((b) => b.feedback)) && (
            <Card withBorder>
              <Title order={2} size="h3">
                Umpan Balik Berkelanjutan
              </Title>
              {e.results
                .filter((r) => r.feedback)
                .map((r) => (
                  <Text size="sm" key={r.id}>
                    <b>{r.text}:</b> {r.feedback}
                  </Text>
                ))}
              {e.behaviors
                .filter((b) => b.feedback)
                .map((b) => (
                  <Text size="sm" key={b.coreValue}>
                    <b>{CORE_VALUE_LABELS[b.coreValue]}:</b> {b.feedback}
                  </Text>
                ))}
            </Card>
          )}
          {e.status === 'ISSUED' && <AcceptOrObject view={e} queryKey={key} />}
          {e.status === 'OBJECTED' && (
            <Alert color="orange" role="status">
              Keberatan Anda diajukan {formatDate(e.objection?.filedAt)} dan menunggu keputusan Atasan Pejabat Penilai
              Kinerja.
            </Alert>
          )}
          <RealizationForm view={e} queryKey={key} editable={e.status === 'DRAFT'} />
          <EvidenceFiles
            skpId={e.skpId}
            period={e.period}
            canUpload={e.status === 'DRAFT' || e.status === 'SUBMITTED'}
          />
        </>
      )}
    </Stack>
  );
}
