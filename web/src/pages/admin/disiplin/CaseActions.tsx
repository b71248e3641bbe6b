import { Button, Card, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { LEVEL_LABELS, SANCTION_LABELS, opts } from './labels';

export interface CaseForActions {
  id: string;
  status: string;
  classification: { level: string | null; candidateSanctions: string[] };
  recommendation: { level: string; sanction: string } | null;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

/** The next step of a case (verify → recommendation → decision → delivery), done by the office or on the official's behalf. */
export function CaseActions({ c }: { c: CaseForActions }) {
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const [on, setOn] = useState(today());
  const [level, setLevel] = useState(c.recommendation?.level ?? c.classification.level ?? 'RINGAN');
  const sanctions = c.classification.candidateSanctions.length
    ? c.classification.candidateSanctions
    : Object.keys(SANCTION_LABELS);
  const [sanction, setSanction] = useState(c.recommendation?.sanction ?? sanctions[0]);
  const [decisionRef, setDecisionRef] = useState('');
  const act = useMutation({
    mutationFn: async (step: 'verify' | 'recommendation' | 'decision' | 'delivery' | 'dismiss') => {
      const id = { params: { path: { id: c.id } } };
      const n = note.trim() || undefined;
      if (step === 'verify')
        return api.POST('/api/v1/discipline/cases/{id}/verify', { ...id, body: { verifiedOn: on, note: n } });
      if (step === 'recommendation')
        return api.POST('/api/v1/discipline/cases/{id}/recommendation', {
          ...id,
          body: { level: level as never, sanction: sanction as never, recommendedOn: on, note: n },
        });
      if (step === 'decision')
        return api.POST('/api/v1/discipline/cases/{id}/decision', {
          ...id,
          body: { sanction: sanction as never, decidedOn: on, decisionRef: decisionRef.trim() || undefined, note: n },
        });
      if (step === 'delivery')
        return api.POST('/api/v1/discipline/cases/{id}/delivery', { ...id, body: { deliveredOn: on } });
      return api.POST('/api/v1/discipline/cases/{id}/dismiss', { ...id, body: { reason: n } as never });
    },
    onSuccess: async () => {
      setNote('');
      await qc.invalidateQueries({ queryKey: ['admin-case', c.id] });
      await qc.invalidateQueries({ queryKey: ['admin-cases'] });
    },
  });
  const step = { REPORTED: 'verify', VERIFIED: 'recommendation', RECOMMENDED: 'decision', DECIDED: 'delivery' }[
    c.status
  ] as 'verify' | 'recommendation' | 'decision' | 'delivery' | undefined;
  if (!step) return null;
  const title = {
    verify: 'Verifikasi',
    recommendation: 'Rekomendasi',
    decision: 'Keputusan',
    delivery: 'Penyampaian SK',
  }[step];
  const dateLabel = {
    verify: 'Tanggal verifikasi',
    recommendation: 'Tanggal rekomendasi',
    decision: 'Tanggal keputusan',
    delivery: 'Tanggal SK disampaikan',
  }[step];
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{title}</Title>
        <ErrorBanner error={act.error} />
        <Group align="end" wrap="wrap">
          <TextInput type="date" label={dateLabel} value={on} onChange={(e) => setOn(e.currentTarget.value)} />
          {step === 'recommendation' && (
            <NativeSelect
              label="Tingkat hukuman"
              value={level}
              onChange={(e) => setLevel(e.currentTarget.value)}
              data={opts(LEVEL_LABELS)}
            />
          )}
          {(step === 'recommendation' || step === 'decision') && (
            <NativeSelect
              label="Jenis hukuman"
              value={sanction}
              onChange={(e) => setSanction(e.currentTarget.value)}
              data={opts(SANCTION_LABELS, step === 'decision' ? Object.keys(SANCTION_LABELS) : sanctions)}
            />
          )}
          {step === 'decision' && (
            <TextInput label="Nomor SK" value={decisionRef} onChange={(e) => setDecisionRef(e.currentTarget.value)} />
          )}
          {step !== 'delivery' && (
            <TextInput label="Catatan" value={note} onChange={(e) => setNote(e.currentTarget.value)} w={320} />
          )}
        </Group>
        <Group>
          <Button onClick={() => act.mutate(step)} loading={act.isPending && act.variables === step}>
            {{ verify: 'Verifikasi', recommendation: 'Rekomendasikan', decision: 'Putuskan', delivery: 'Simpan' }[step]}
          </Button>
          {step !== 'delivery' && (
            <Button
              variant="default"
              onClick={() => act.mutate('dismiss')}
              loading={act.isPending && act.variables === 'dismiss'}
            >
              Hentikan (tidak terbukti)
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
