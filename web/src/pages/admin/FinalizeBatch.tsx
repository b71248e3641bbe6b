import { Alert, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatNumber } from '../../lib/format';

interface BatchResult {
  period: string;
  issued: number;
  overridden: number;
  skipped: { unitCode: string; evaluations: number; violations: string[] }[];
}

/**
 * The year-end close from the dashboard: every RATED annual evaluation of the unit shown (with its sub-units)
 * → Diterbitkan, after each distribution unit's check (a justification lets violating units through, recorded).
 */
export function FinalizeBatch({ year, unit }: { year: number; unit: { code: string; name: string } | null }) {
  const qc = useQueryClient();
  const [justification, setJustification] = useState('');
  const run = useMutation({
    mutationFn: async () =>
      (
        await api.POST('/api/v1/evaluations/finalize-batch', {
          body: { period: String(year), unitCode: unit?.code, justification: justification.trim() || undefined },
        })
      ).data as unknown as BatchResult,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-year-end'] }),
  });
  const r = run.data;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2}>Terbitkan hasil penilaian tahunan {year}</Title>
        <Text size="sm">
          Semua evaluasi berstatus Dinilai di {unit ? unit.name : 'seluruh instansi'} menjadi Diterbitkan dan masa
          keberatan dimulai. Unit yang melanggar Pola Distribusi dilewati kecuali diberi justifikasi.
        </Text>
        <Group align="end">
          <TextInput
            label="Justifikasi (untuk unit yang melanggar Pola Distribusi)"
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            w={{ base: '100%', sm: 420 }}
          />
          <Button onClick={() => run.mutate()} loading={run.isPending}>
            Terbitkan
          </Button>
        </Group>
        <ErrorBanner error={run.error} />
        {r && (
          <Alert color={r.skipped.length ? 'orange' : 'green'} role="status" title="Penerbitan selesai">
            <Text size="sm">
              {formatNumber(r.issued)} evaluasi diterbitkan
              {r.overridden ? `, ${formatNumber(r.overridden)} dengan justifikasi` : ''}.
            </Text>
            {r.skipped.length > 0 && (
              <List size="sm">
                {r.skipped.map((s) => (
                  <List.Item key={s.unitCode}>
                    {s.unitCode}: {formatNumber(s.evaluations)} evaluasi dilewati ({s.violations.join('; ')})
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
