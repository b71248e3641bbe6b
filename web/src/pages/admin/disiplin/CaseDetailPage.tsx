import { Anchor, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Tag } from '../Tag';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatDateTime, formatNip } from '../../../lib/format';
import { CaseActions, type CaseForActions } from './CaseActions';
import { CaseEscalations, type Escalation } from './Escalations';
import { CaseSteps, type Deadline } from './CaseSteps';
import { NetralitasFactsCard, type NetralitasFacts } from './NetralitasFactsCard';
import {
  ACT_LABELS,
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  LEVEL_LABELS,
  NEXT_STEP,
  ROLE_LABELS,
  SANCTION_LABELS,
} from './labels';

interface CaseDetail extends CaseForActions {
  reference: string;
  nip: string;
  name: string;
  kind: string;
  act: string | null;
  stage: string | null;
  occurredOn: string;
  reportedOn: string;
  reportedBy: string;
  subject: { unitName: string; positionTitle: string };
  classification: CaseForActions['classification'] & {
    track: string;
    manualReview: boolean;
    explanation: { formula: string; legalBasis: string };
  };
  competentOfficials: {
    level?: string;
    nip: string;
    name: string;
    role: string;
    positionTitle: string;
    basis: string;
  }[];
  escalations: Escalation[];
  decision: { sanction: string; decidedOn: string; decisionRef: string | null } | null;
  effectiveFrom: string | null;
  overdueSteps: string[];
  deadlines: Record<string, Deadline>;
  history: { from: string | null; to: string; action: string; actor: string; note: string | null; at: string }[];
  netralitas: NetralitasFacts | null;
}

/** One discipline / netralitas case: classification, who must act, each step's deadline, the next step. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['admin-case', id],
    queryFn: async () =>
      (await api.GET('/api/v1/discipline/cases/{id}', { params: { path: { id } } })).data as unknown as CaseDetail,
  });
  const c = q.data;
  const next = c ? NEXT_STEP[c.status] : undefined;
  return (
    <Stack>
      <Anchor component={Link} to="/admin/disiplin">
        ← Kembali ke daftar kasus
      </Anchor>
      <Title order={1}>{c ? `Kasus ${c.reference}` : 'Kasus'}</Title>
      <ErrorBanner error={q.error} />
      {q.isPending && <Loader aria-label="Memuat kasus" />}
      {c && (
        <>
          <Group>
            <Tag color="blue" testId="case-status">
              {CASE_STATUS_LABELS[c.status] ?? c.status}
            </Tag>
            {c.overdueSteps.length > 0 && <Tag color="red">Lewat tenggat</Tag>}
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Stack gap={4}>
                <Text>
                  {c.name} ({formatNip(c.nip)}) · {c.subject.positionTitle}, {c.subject.unitName}
                </Text>
                <Text>
                  {CASE_KIND_LABELS[c.kind] ?? c.kind}
                  {c.act ? `: ${ACT_LABELS[c.act] ?? c.act}` : ''}
                  {c.stage ? ` (tahap ${c.stage === 'CALON' ? 'calon' : 'bakal calon'})` : ''}
                </Text>
                <Text size="sm">
                  Terjadi {formatDate(c.occurredOn)}; dilaporkan {formatDate(c.reportedOn)} oleh {c.reportedBy}
                </Text>
                <Text size="sm">
                  Klasifikasi: {c.classification.track.replace(/_/g, ' ').toLowerCase()}
                  {c.classification.level ? `, ${LEVEL_LABELS[c.classification.level] ?? c.classification.level}` : ''}
                  {c.classification.manualReview ? ' (perlu kajian)' : ''}
                </Text>
                {c.classification.candidateSanctions.length > 0 && (
                  <Text size="sm">
                    Pilihan hukuman:{' '}
                    {c.classification.candidateSanctions.map((x) => SANCTION_LABELS[x] ?? x).join('; ')}
                  </Text>
                )}
                <Text size="xs">Dasar hukum: {c.classification.explanation.legalBasis}</Text>
              </Stack>
            </Card>
            <Card withBorder>
              <Stack gap={4}>
                <Title order={2}>Yang harus bertindak</Title>
                {c.competentOfficials.length === 0 && <Text size="sm">Belum ditentukan.</Text>}
                <List size="sm">
                  {c.competentOfficials.map((o) => (
                    <List.Item key={`${o.role}-${o.nip}`}>
                      {ROLE_LABELS[o.role] ?? o.role}: {o.name} ({formatNip(o.nip)}), {o.positionTitle}
                    </List.Item>
                  ))}
                </List>
                {c.recommendation && (
                  <Text size="sm">
                    Rekomendasi: {LEVEL_LABELS[c.recommendation.level] ?? c.recommendation.level},{' '}
                    {SANCTION_LABELS[c.recommendation.sanction] ?? c.recommendation.sanction}
                  </Text>
                )}
                {c.decision && (
                  <Text size="sm">
                    Keputusan: {SANCTION_LABELS[c.decision.sanction] ?? c.decision.sanction},{' '}
                    {formatDate(c.decision.decidedOn)}
                    {c.decision.decisionRef ? ` (SK ${c.decision.decisionRef})` : ''}
                  </Text>
                )}
                {c.effectiveFrom && <Text size="sm">Berlaku mulai {formatDate(c.effectiveFrom)}</Text>}
              </Stack>
            </Card>
          </SimpleGrid>
          {c.netralitas && <NetralitasFactsCard facts={c.netralitas} stage={c.stage} />}
          <Title order={2}>Tahapan dan tenggat</Title>
          <CaseSteps deadlines={c.deadlines} next={next} actors={c} />
          <CaseEscalations items={c.escalations} />
          <CaseActions key={c.status} c={c} />
          <Title order={2}>Riwayat kasus</Title>
          <List size="sm">
            {c.history.map((h, i) => (
              <List.Item key={i}>
                {formatDateTime(h.at)}: {CASE_STATUS_LABELS[h.to] ?? h.to} oleh{' '}
                {/^\d{18}$/.test(h.actor) ? formatNip(h.actor) : h.actor}
                {h.note
                  ? ` — ${h.note.replace(/\b(ATASAN|PIMPINAN_TINGGI|PPK_INSTANSI|PRESIDEN)\b/g, (r) => (ROLE_LABELS[r] ?? r).toLowerCase())}`
                  : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
