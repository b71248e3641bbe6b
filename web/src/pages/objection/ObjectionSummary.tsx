import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { download } from '../../api/client';
import type { EvaluationView } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../lib/format';
import { PREDICATE_LABELS, RATING_LABELS, label } from '../../lib/labels';

/** Both sides of a keberatan (the PPK's rating and explanation, the employee's reason) and the DEKP. */
export function ObjectionSummary({ e }: { e: EvaluationView }) {
  const [dekpError, setDekpError] = useState<unknown>(null);
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Text size="sm">
          Penilaian Pejabat Penilai Kinerja: Rating Hasil Kerja{' '}
          {label(RATING_LABELS, e.objection?.original.resultRating ?? e.resultRating)}, Rating Perilaku Kerja{' '}
          {label(RATING_LABELS, e.objection?.original.behaviorRating ?? e.behaviorRating)}, predikat{' '}
          {label(PREDICATE_LABELS, e.objection?.original.predicate ?? e.predicate)}
        </Text>
        <Text size="sm" fw={600}>
          Keberatan pegawai ({formatDate(e.objection?.filedAt)}):
        </Text>
        <Text size="sm">{e.objection?.reason ?? '–'}</Text>
        <Text size="sm" fw={600}>
          Penjelasan Pejabat Penilai Kinerja:
        </Text>
        <Text size="sm">{e.objection?.ppkExplanation ?? 'Belum ada penjelasan.'}</Text>
        <Group mt="xs">
          <Button
            variant="default"
            aria-label={`Unduh PDF (DEKP) ${e.name}`}
            onClick={() => {
              setDekpError(null);
              download(`/skp/${e.skpId}/evaluations/${e.period}/document.pdf`, `DEKP-${e.nip}-${e.period}.pdf`).catch(
                setDekpError,
              );
            }}
          >
            Unduh PDF (DEKP)
          </Button>
        </Group>
        <ErrorBanner error={dekpError} />
      </Stack>
    </Card>
  );
}
