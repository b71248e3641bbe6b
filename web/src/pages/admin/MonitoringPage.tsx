import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime, formatNip, formatNumber } from '../../lib/format';
import { STATUS_LABELS } from '../../lib/labels';
import { currentYear } from '../../lib/year';
import { FinalizeBatch } from './FinalizeBatch';

interface UnitProgress {
  unitCode: string | null;
  unitName: string;
  parentCode: string | null;
  childCount: number;
  employees: number;
  skpApproved: number;
  rated: number;
  issued: number;
  final: number;
  objectionsOpen: number;
  shares: { skpApproved: number; rated: number; issued: number; final: number };
  distribution: { own: string | null; units: { ok: number; violated: number; orgPredicateMissing: number } };
}
interface Progress {
  year: number;
  asOf: string;
  computedAt: string;
  scope: UnitProgress;
  items: UnitProgress[];
}
interface BehindItem {
  nip: string;
  name: string;
  unitName: string;
  positionTitle: string;
  skpStatus: string | null;
  evaluationStatus: string | null;
  ppkNip: string | null;
  ppkName: string | null;
}

const STAGES = [
  { value: 'SKP_APPROVED', label: 'SKP belum disetujui' },
  { value: 'RATED', label: 'Belum dinilai' },
  { value: 'ISSUED', label: 'Belum diterbitkan' },
  { value: 'FINAL', label: 'Belum final' },
  { value: 'OBJECTION_OPEN', label: 'Keberatan terbuka' },
];
const DIST: Record<string, { label: string }> = {
  OK: { label: 'Sesuai Pola Distribusi' },
  VIOLATED: { label: 'Melanggar Pola Distribusi' },
  ORG_PREDICATE_MISSING: { label: 'Capaian Kinerja Organisasi belum ditetapkan' },
  EMPTY: { label: 'Belum ada penilaian' },
};
const pct = (n: number) => `${formatNumber(n, Number.isInteger(n) ? 0 : 1)}%`;

/** Monitoring: the year-end close per unit (rolled up the tree), refreshed while it runs; drill-down to who is behind. */
export function MonitoringPage() {
  const [year, setYear] = useState<number>(currentYear());
  const [path, setPath] = useState<{ code: string; name: string }[]>([]);
  const [stage, setStage] = useState('FINAL');
  const unitCode = path[path.length - 1]?.code;
  const progress = useQuery({
    queryKey: ['admin-year-end', year, unitCode],
    queryFn: async () =>
      (await api.GET('/api/v1/monitoring/year-end', { params: { query: { year, unitCode } } }))
        .data as unknown as Progress,
    refetchInterval: 5000,
  });
  const behind = useInfiniteQuery({
    queryKey: ['admin-year-end-behind', year, unitCode, stage],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.GET('/api/v1/monitoring/year-end/behind', {
          params: { query: { year, unitCode, stage: stage as never, after: pageParam, limit: 50 } },
        })
      ).data as unknown as { items: BehindItem[]; nextCursor: string | null },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 15000,
  });
  const p = progress.data;
  const row = (u: UnitProgress, drill: boolean) => (
    <Table.Tr key={u.unitCode ?? 'all'}>
      <Table.Td>
        {drill && u.childCount > 0 ? (
          <Anchor component="button" onClick={() => setPath([...path, { code: u.unitCode!, name: u.unitName }])}>
            {u.unitName}
          </Anchor>
        ) : (
          u.unitName
        )}
      </Table.Td>
      <Table.Td>{formatNumber(u.employees)}</Table.Td>
      <Table.Td data-testid={`approved-${u.unitCode ?? 'all'}`}>{pct(u.shares.skpApproved)}</Table.Td>
      <Table.Td data-testid={`rated-${u.unitCode ?? 'all'}`}>
        {pct(u.shares.rated)} ({formatNumber(u.rated)})
      </Table.Td>
      <Table.Td data-testid={`issued-${u.unitCode ?? 'all'}`}>
        {pct(u.shares.issued)} ({formatNumber(u.issued)})
      </Table.Td>
      <Table.Td data-testid={`final-${u.unitCode ?? 'all'}`}>
        {pct(u.shares.final)} ({formatNumber(u.final)})
      </Table.Td>
      <Table.Td>{formatNumber(u.objectionsOpen)}</Table.Td>
      <Table.Td>
        {u.distribution.own && (
          <Text span size="sm" fw={600} c={u.distribution.own === 'VIOLATED' ? 'red.9' : undefined}>
            {DIST[u.distribution.own].label}
          </Text>
        )}
        {!u.distribution.own && (
          <Text size="sm">
            {u.distribution.units.ok} sesuai · {u.distribution.units.violated} melanggar ·{' '}
            {u.distribution.units.orgPredicateMissing} tanpa capaian organisasi
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack>
      <Title order={1}>Monitoring</Title>
      <Group align="end">
        <NumberInput
          label="Tahun"
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={2000}
          max={2100}
          w={120}
        />
        {p && (
          <Text size="sm">
            Keadaan per {formatDate(p.asOf)}, dihitung {formatDateTime(p.computedAt)}; diperbarui otomatis.
          </Text>
        )}
      </Group>
      <Breadcrumbs>
        <Anchor component="button" onClick={() => setPath([])}>
          Seluruh instansi
        </Anchor>
        {path.map((u, i) => (
          <Anchor key={u.code} component="button" onClick={() => setPath(path.slice(0, i + 1))}>
            {u.name}
          </Anchor>
        ))}
      </Breadcrumbs>
      <FinalizeBatch year={year} unit={path[path.length - 1] ?? null} />
      <ErrorBanner error={progress.error} />
      {progress.isPending && <Loader aria-label="Memuat monitoring" />}
      {p && (
        <Table.ScrollContainer minWidth={800}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Unit Kerja</Table.Th>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>SKP Disetujui</Table.Th>
                <Table.Th>Dinilai</Table.Th>
                <Table.Th>Diterbitkan</Table.Th>
                <Table.Th>Final</Table.Th>
                <Table.Th>Keberatan</Table.Th>
                <Table.Th>Pola Distribusi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {row(p.scope, false)}
              {p.items.map((u) => row(u, true))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={2}>Pegawai yang tertinggal</Title>
      <NativeSelect
        label="Tahap"
        value={stage}
        onChange={(e) => setStage(e.currentTarget.value)}
        data={STAGES}
        maw={320}
      />
      <ErrorBanner error={behind.error} />
      {behind.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nama</Table.Th>
                <Table.Th>NIP</Table.Th>
                <Table.Th>Unit Kerja</Table.Th>
                <Table.Th>SKP</Table.Th>
                <Table.Th>Evaluasi</Table.Th>
                <Table.Th>Pejabat Penilai Kinerja</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {behind.data.pages
                .flatMap((pg) => pg.items)
                .map((b) => (
                  <Table.Tr key={b.nip}>
                    <Table.Td>{b.name}</Table.Td>
                    <Table.Td>{formatNip(b.nip)}</Table.Td>
                    <Table.Td>{b.unitName}</Table.Td>
                    <Table.Td>
                      {b.skpStatus ? (STATUS_LABELS[b.skpStatus]?.label ?? b.skpStatus) : 'Belum ada'}
                    </Table.Td>
                    <Table.Td>
                      {b.evaluationStatus
                        ? (STATUS_LABELS[b.evaluationStatus]?.label ?? b.evaluationStatus)
                        : 'Belum ada'}
                    </Table.Td>
                    <Table.Td>{b.ppkName ? `${b.ppkName} (${formatNip(b.ppkNip)})` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {behind.hasNextPage && (
        <Button variant="light" onClick={() => void behind.fetchNextPage()} loading={behind.isFetchingNextPage}>
          Muat lebih banyak
        </Button>
      )}
    </Stack>
  );
}
