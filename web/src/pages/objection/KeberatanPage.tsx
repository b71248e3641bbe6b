import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { EvaluationView } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatNip, formatPeriod } from '../../lib/format';
import { currentYear } from '../../lib/year';
import { ObjectionSummary } from './ObjectionSummary';

type TeamView = components['schemas']['TeamView'];

/**
 * Keberatan: the objections awaiting this atasan PPK's decision (reports of their reports whose
 * evaluation is OBJECTED), this year's and last year's SKP — an annual keberatan is decided in January.
 * Two steps: the team with statuses, then each objection's evaluation (both statements).
 */
export function KeberatanPage() {
  const years = [currentYear(), currentYear() - 1];
  const team = useQuery({
    queryKey: ['team', 'atasan', years],
    queryFn: async () => {
      const views = await Promise.all(
        years.map(
          async (year) =>
            (await api.GET('/api/v1/me/team', { params: { query: { year, relation: 'ATASAN_PPK' } } }))
              .data as TeamView,
        ),
      );
      return views.flatMap((v) =>
        v.items.flatMap((m) =>
          m.skp ? m.evaluations.filter((e) => e.status === 'OBJECTED').map((e) => ({ skpId: m.skp!.id, ...e })) : [],
        ),
      );
    },
  });
  const evaluations = useQueries({
    queries: (team.data ?? []).map((o) => ({
      queryKey: ['evaluation', o.skpId, o.period],
      queryFn: async () =>
        (
          await api.GET('/api/v1/skp/{id}/evaluations/{period}', {
            params: { path: { id: o.skpId, period: o.period } },
          })
        ).data as unknown as EvaluationView,
    })),
  });
  return (
    <Stack>
      <Title order={1}>Keberatan</Title>
      <Text>Keberatan pegawai atas hasil evaluasi kinerja yang menunggu Keputusan Atasan Pejabat Penilai Kinerja.</Text>
      <ErrorBanner error={team.error} />
      {team.isPending && <Loader aria-label="Memuat keberatan" />}
      {team.data?.length === 0 && (
        <Alert color="gray" role="status">
          Tidak ada keberatan yang menunggu keputusan Anda.
        </Alert>
      )}
      <Stack gap="lg" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {evaluations.map((q, i) => {
          const o = team.data![i];
          const e = q.data;
          return (
            <Stack component="li" gap="xs" key={`${o.skpId}-${o.period}`}>
              <ErrorBanner error={q.error} />
              {q.isPending && <Loader size="sm" aria-label="Memuat keberatan" />}
              {e && (
                <>
                  <Title order={2} size="h4">
                    {e.name} — {formatPeriod(e.period)}
                  </Title>
                  <Text size="sm">NIP {formatNip(e.nip)}</Text>
                  <ObjectionSummary e={e} />
                  <Button
                    component={Link}
                    to={`/keberatan/${e.skpId}/${e.period}`}
                    w="fit-content"
                    aria-label={`Putuskan keberatan ${e.name}`}
                  >
                    Putuskan keberatan
                  </Button>
                </>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Stack>
  );
}
