import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataTable, MUAT_LEBIH_BANYAK } from '../../components/DataTable';
import { FilterSelect } from '../../components/FilterSelect';
import { useCursorPages } from '../../lib/cursor-pages';
import { formatDate, formatNip } from '../../lib/format';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, STEP_LABELS } from './disiplin/labels';
import { ElectionsCard } from './disiplin/ElectionsCard';
import { EscalationsCard } from './disiplin/Escalations';
import { HolidaysCard } from './disiplin/HolidaysCard';
import { NetralitasSummary } from './disiplin/NetralitasSummary';
import { ReportCaseForm } from './disiplin/ReportCaseForm';

interface CaseItem {
  id: string;
  reference: string;
  nip: string;
  name: string;
  kind: string;
  status: string;
  occurredOn: string;
  overdueSteps: string[];
  escalated: boolean;
}
const KIND = CASE_KIND_LABELS;

/** Disiplin: discipline and netralitas cases with their stage; overdue steps highlighted. */
export function DisiplinPage() {
  const [kind, setKind] = useState('');
  const { query: cases, rows } = useCursorPages(
    ['admin-cases', kind],
    async (after) =>
      (
        await api.GET('/api/v1/discipline/cases', {
          params: { query: { kind: (kind || undefined) as never, after, limit: 50 } },
        })
      ).data as unknown as { items: CaseItem[]; nextCursor: string | null },
  );
  return (
    <Stack>
      <Title order={1}>Disiplin</Title>
      <ReportCaseForm />
      <NetralitasSummary />
      <EscalationsCard />
      <ElectionsCard />
      <Title order={2}>Daftar kasus</Title>
      <FilterSelect
        label="Jenis kasus"
        all="Semua"
        value={kind}
        onChange={setKind}
        maw={320}
        options={Object.entries(KIND).map(([value, label]) => ({ value, label }))}
      />
      <DataTable
        label="Daftar kasus"
        minWidth={720}
        rows={rows}
        rowKey={(c) => c.id}
        pending={cases.isPending}
        loadingLabel="Memuat kasus"
        error={cases.error}
        empty="Belum ada kasus."
        pager={cases}
        more={MUAT_LEBIH_BANYAK}
        columns={[
          {
            header: 'Nomor',
            cell: (c) => (
              <Anchor component={Link} to={`/admin/disiplin/${c.id}`}>
                {c.reference}
              </Anchor>
            ),
          },
          { header: 'Pegawai', cell: (c) => `${c.name} (${formatNip(c.nip)})` },
          { header: 'Jenis', cell: (c) => KIND[c.kind] ?? c.kind },
          { header: 'Terjadi', cell: (c) => formatDate(c.occurredOn) },
          { header: 'Tahap', cell: (c) => CASE_STATUS_LABELS[c.status] ?? c.status },
          {
            header: 'Tenggat',
            cell: (c) =>
              c.overdueSteps.length > 0 ? (
                <Text span fw={700} c="red.9">
                  Lewat tenggat: {c.overdueSteps.map((s) => STEP_LABELS[s] ?? s).join(', ')}
                </Text>
              ) : (
                'Sesuai jadwal'
              ),
          },
        ]}
      />
      <HolidaysCard />
    </Stack>
  );
}
