import { Card, List, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../../lib/format';

interface Explanation {
  formula: string;
  legalBasis: string;
  inputs?: Record<string, unknown>;
}

export interface NetralitasFacts {
  recommendingBody: { body: string; name: string; onDate: string; explanation: Explanation };
  election: string | null;
  stageSource: 'ELECTION' | 'REPORTED' | null;
  stageExplanation: Explanation | null;
  listeningOnly: boolean;
  notes: string[];
}

function stageText(facts: NetralitasFacts, stage: string | null): string | null {
  if (facts.stageSource === 'REPORTED')
    return 'Tahapan sesuai laporan: tidak ada data pemilihan untuk tanggal kejadian.';
  const penetapan = facts.stageExplanation?.inputs?.penetapan;
  if (facts.stageSource !== 'ELECTION' || typeof penetapan !== 'string') return null;
  const when = stage === 'CALON' ? 'pada atau setelah' : 'sebelum';
  return `Tahapan ${stage === 'CALON' ? 'calon' : 'bakal calon'}: kejadian ${when} penetapan pasangan calon ${facts.election ?? ''} (${formatDate(penetapan)}).`;
}

/** Netralitas after KASN (04 §7): the recommending body of the act date, where the stage came from, notes for the examiner. */
export function NetralitasFactsCard({ facts, stage }: { facts: NetralitasFacts; stage: string | null }) {
  const b = facts.recommendingBody;
  const st = stageText(facts, stage);
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Title order={2}>Lembaga pemberi rekomendasi</Title>
        <Text data-testid="recommending-body">
          {b.body} — {b.name}
        </Text>
        <Text size="sm">Menurut tanggal kejadian {formatDate(b.onDate)}.</Text>
        <Text size="xs">Dasar hukum: {b.explanation.legalBasis}</Text>
        {st && (
          <Text size="sm" data-testid="stage-source">
            {st}
          </Text>
        )}
        {facts.notes.length > 0 && (
          <List size="sm">
            {facts.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
