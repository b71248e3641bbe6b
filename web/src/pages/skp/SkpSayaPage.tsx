import { Alert, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page, SkpListItem, SkpView } from '../../api/types';
import { useMe } from '../../auth/me';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime } from '../../lib/format';
import { currentYear } from '../../lib/year';
import { ActingSkpOffer } from './ActingSkpOffer';
import { CascadeMatrix } from './CascadeMatrix';
import { NewSkpForm } from './NewSkpForm';
import { currentSkp, SKP_KIND_LABELS, SkpSegmentList } from './SkpSegmentList';
import { SkpEditor } from './SkpEditor';
import { SkpReadOnly } from './SkpReadOnly';

const EVENT_WORDS: Record<string, string> = {
  MUTASI: 'mutasi',
  PROMOSI: 'promosi',
  DEMOSI: 'demosi',
  PLT_END: 'Plt berakhir',
  PENSIUN: 'pensiun',
  BERHENTI: 'berhenti',
  MENINGGAL: 'meninggal dunia',
  CLTN: 'CLTN',
  TUGAS_BELAJAR: 'tugas belajar',
};

/**
 * SKP Saya: the year's SKP, written, submitted, then read once approved (with the Matriks Peran Hasil). With
 * several SKPs in a year (a mutasi, a Plt) the current one opens and the others are listed to switch to.
 */
export function SkpSayaPage() {
  const me = useMe().data!;
  const [year, setYear] = useState(currentYear());
  const list = useQuery({
    queryKey: ['skp', 'mine', year],
    queryFn: async () =>
      (await api.GET('/api/v1/skp', { params: { query: { nip: me.nip, year } } })).data as unknown as Page<SkpListItem>,
  });
  const items = list.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const id = (chosen && items.some((s) => s.id === chosen) ? chosen : currentSkp(items)?.id) ?? undefined;
  // After a mutasi every DEFINITIVE SKP may be closed: the next one starts the day after the last (spec 04 §1.2).
  const definitive = items.filter((s) => s.kind === 'DEFINITIVE').sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
  const lastDefinitive = definitive[definitive.length - 1];
  const nextSegment =
    lastDefinitive && lastDefinitive.status === 'CLOSED' && lastDefinitive.periodEnd < `${year}-12-31`
      ? lastDefinitive
      : undefined;
  const skp = useQuery({
    queryKey: ['skp', id],
    enabled: !!id,
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}', { params: { path: { id: id! } } })).data as unknown as SkpView,
  });
  const years = [currentYear() + 1, currentYear(), currentYear() - 1].map(String);

  return (
    <Stack>
      <Title order={1}>SKP Saya</Title>
      <Group align="end">
        <NativeSelect
          label="Tahun"
          data={years}
          value={String(year)}
          onChange={(e) => {
            setYear(Number(e.currentTarget.value));
            setChosen(null);
          }}
          w={120}
        />
        {skp.data && <StatusBadge status={skp.data.status} />}
        {skp.data && (items.length > 1 || skp.data.kind === 'ACTING') && (
          <Text size="sm">
            {SKP_KIND_LABELS[skp.data.kind] ?? skp.data.kind}, {formatDate(skp.data.periodStart)} –{' '}
            {formatDate(skp.data.periodEnd)}
          </Text>
        )}
      </Group>
      {(list.error || skp.error) && <ErrorBanner error={list.error ?? skp.error} />}
      {(list.isPending || (id && skp.isPending)) && <Loader aria-label="Memuat SKP" />}
      {list.data && (!items.some((s) => s.kind === 'DEFINITIVE') || nextSegment) && (
        <NewSkpForm
          year={year}
          after={nextSegment}
          hasActing={items.some((s) => s.kind === 'ACTING')}
          onCreated={(created) => setChosen(created)}
        />
      )}
      {list.data && year === currentYear() && (
        <ActingSkpOffer year={year} plt={me.plt} items={items} onCreated={(created) => setChosen(created)} />
      )}
      {(items.length > 1 || items.some((s) => s.kind === 'ACTING')) && (
        <SkpSegmentList items={items} openId={id} onOpen={setChosen} />
      )}
      {skp.data && (
        <>
          {skp.data.rejectionReason && skp.data.status === 'DRAFT' && (
            <Alert color="orange" title="Dikembalikan oleh Pejabat Penilai Kinerja" role="status">
              Alasan: {skp.data.rejectionReason}
            </Alert>
          )}
          {skp.data.status === 'SUBMITTED' && skp.data.submittedAt && (
            <Alert color="blue" role="status">
              Diajukan {formatDateTime(skp.data.submittedAt)}; menunggu persetujuan Pejabat Penilai Kinerja.
            </Alert>
          )}
          {skp.data.status === 'CLOSED' && (
            <Alert color="gray" role="status">
              SKP ini ditutup per {formatDate(skp.data.periodEnd)}
              {skp.data.closedEvent ? ` (${EVENT_WORDS[skp.data.closedEvent] ?? skp.data.closedEvent})` : ''}; hanya
              dapat dibaca.
            </Alert>
          )}
          {skp.data.status === 'DRAFT' ? (
            <SkpEditor skp={skp.data} ppkNip={me.ppkNip} />
          ) : (
            <SkpReadOnly skp={skp.data} />
          )}
          {skp.data.status === 'APPROVED' && <CascadeMatrix skpId={skp.data.id} />}
        </>
      )}
    </Stack>
  );
}
