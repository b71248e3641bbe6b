import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SkpListItem } from '../../api/types';
import type { PltDelegation } from '../../auth/me';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../lib/format';

interface Group {
  delegationId: string;
  validFrom: string;
  validTo: string | null;
  names: string[];
}

/** One offer per Plt period (a Plt for several reports is one post): the first delegation of the period names it. */
function groups(plt: PltDelegation[]): Group[] {
  const byPeriod = new Map<string, Group>();
  for (const d of plt) {
    const key = `${d.validFrom}/${d.validTo ?? ''}`;
    const g = byPeriod.get(key);
    if (g) g.names.push(d.name);
    else
      byPeriod.set(key, { delegationId: d.delegationId, validFrom: d.validFrom, validTo: d.validTo, names: [d.name] });
  }
  return [...byPeriod.values()];
}

/**
 * A Plt runs a parallel ACTING SKP for the Plt post (spec 04 §1.2): offered for each Plt period of the year that
 * no ACTING SKP covers yet.
 */
export function ActingSkpOffer({
  year,
  plt,
  items,
  onCreated,
}: {
  year: number;
  plt: PltDelegation[];
  items: SkpListItem[];
  onCreated: (id: string) => void;
}) {
  const qc = useQueryClient();
  const acting = items.filter((s) => s.kind === 'ACTING');
  const open = groups(plt).filter(
    (g) => !acting.some((s) => s.periodStart >= g.validFrom && (!g.validTo || s.periodStart <= g.validTo)),
  );
  const create = useMutation({
    mutationFn: async (g: Group) =>
      (
        await api.POST('/api/v1/skp', {
          body: {
            year,
            approach: 'KUANTITATIF',
            kind: 'ACTING',
            delegationId: g.delegationId,
            results: [],
            behaviors: [],
          },
        })
      ).data as unknown as { id: string },
    onSuccess: async (skp) => {
      await qc.invalidateQueries({ queryKey: ['skp', 'mine', year] });
      onCreated(skp.id);
    },
  });
  if (open.length === 0) return null;
  return (
    <Stack gap="xs">
      <ErrorBanner error={create.error} />
      {open.map((g) => (
        <Alert key={g.delegationId} color="blue" title="Anda ditunjuk sebagai Plt" role="status">
          <Text size="sm">
            Plt {formatDate(g.validFrom)} – {g.validTo ? formatDate(g.validTo) : 'sekarang'}, menilai{' '}
            {g.names.join(', ')}. Susun SKP Plt untuk jabatan tersebut di samping SKP definitif Anda.
          </Text>
          <Button
            mt="xs"
            size="xs"
            onClick={() => create.mutate(g)}
            loading={create.isPending && create.variables?.delegationId === g.delegationId}
          >
            Buat SKP Plt
          </Button>
        </Alert>
      ))}
    </Stack>
  );
}
