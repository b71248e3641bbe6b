import { Alert, Button, Card, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { EvaluationList, Page, SkpListItem } from '../../api/types';
import { useMe } from '../../auth/me';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { formatNip, formatPeriod } from '../../lib/format';
import { PREDICATE_LABELS, label } from '../../lib/labels';
import { currentYear, defaultPeriod, periodsOf } from '../../lib/year';

/** Tim Saya: the PPK's reports on today's date, their SKP and the period's evaluation, with the next action. */
export function TimSayaPage() {
  const me = useMe().data!;
  const [year, setYear] = useState(currentYear());
  const [period, setPeriod] = useState(defaultPeriod(year));
  const team = useQuery({
    queryKey: ['skp', 'team', year],
    queryFn: async () => {
      const page = (await api.GET('/api/v1/skp', { params: { query: { year, limit: 100 } } }))
        .data as unknown as Page<SkpListItem>;
      // The list also holds the caller's own SKP and their PPK's approved one: the team is the rest.
      return page.items.filter((s) => s.nip !== me.nip && s.nip !== me.ppkNip);
    },
  });
  const evaluations = useQueries({
    queries: (team.data ?? [])
      .filter((s) => s.status === 'APPROVED')
      .map((s) => ({
        queryKey: ['evaluations', s.id],
        queryFn: async () =>
          (await api.GET('/api/v1/skp/{id}/evaluations', { params: { path: { id: s.id } } }))
            .data as unknown as EvaluationList,
      })),
  });
  const evalOf = (skpId: string) =>
    evaluations.find((q) => q.data?.skpId === skpId)?.data?.items.find((i) => i.period === period);

  return (
    <Stack>
      <Title order={1}>Tim Saya</Title>
      <Group align="end">
        <NativeSelect
          label="Tahun"
          w={110}
          data={[currentYear(), currentYear() - 1].map(String)}
          value={String(year)}
          onChange={(e) => {
            const y = Number(e.currentTarget.value);
            setYear(y);
            setPeriod(defaultPeriod(y));
          }}
        />
        <NativeSelect
          label="Periode penilaian"
          w={200}
          data={periodsOf(year).map((p) => ({ value: p, label: formatPeriod(p) }))}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
        />
      </Group>
      <ErrorBanner error={team.error} />
      {team.isPending && <Loader aria-label="Memuat tim" />}
      {team.data?.length === 0 && <Alert color="gray">Belum ada SKP pegawai yang Anda nilai untuk tahun {year}.</Alert>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {team.data?.map((s) => {
          const ev = evalOf(s.id);
          return (
            <Card withBorder component="li" key={s.id} aria-label={s.name}>
              <Stack gap={4}>
                <Text fw={600}>{s.name}</Text>
                <Text size="sm">
                  NIP {formatNip(s.nip)} · {s.positionTitle}
                </Text>
                <Group gap="xs">
                  <Text size="sm" component="span">
                    SKP:
                  </Text>{' '}
                  <StatusBadge status={s.status} />
                  {ev && (
                    <>
                      <Text size="sm" component="span">
                        {formatPeriod(period)}:
                      </Text>{' '}
                      <StatusBadge status={ev.status === 'DRAFT' ? 'OPEN' : ev.status} />
                      {ev.predicate && (
                        <Text size="sm" component="span">
                          Predikat {label(PREDICATE_LABELS, ev.predicate)}
                        </Text>
                      )}
                    </>
                  )}
                </Group>
                <Group gap="xs" mt={4}>
                  {s.status === 'SUBMITTED' && (
                    <Button size="xs" component={Link} to={`/tim/skp/${s.id}`} aria-label={`Periksa SKP ${s.name}`}>
                      Periksa SKP
                    </Button>
                  )}
                  {s.status === 'APPROVED' && (
                    <Button
                      size="xs"
                      component={Link}
                      to={`/tim/evaluasi/${s.id}/${period}`}
                      aria-label={`Nilai ${s.name}`}
                    >
                      {ev && ['RATED', 'DRAFT'].includes(ev.status) ? 'Nilai' : 'Buka Evaluasi'}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
