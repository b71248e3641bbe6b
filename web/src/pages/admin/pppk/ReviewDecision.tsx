import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';

/** A person decides a contract review: extend to a new end date, or not extend (04 §6). */
export function ReviewDecision({ id, nip }: { id: string; nip: string }) {
  const qc = useQueryClient();
  const [newEndDate, setNewEndDate] = useState('');
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: async (decision: 'EXTEND' | 'NOT_EXTENDED') =>
      api.POST('/api/v1/pppk/contract-reviews/{id}/decision', {
        params: { path: { id } },
        body: {
          decision,
          newEndDate: decision === 'EXTEND' ? newEndDate || undefined : undefined,
          reason: reason.trim() || undefined,
        },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-pppk-reviews'] }),
  });
  return (
    <Group align="end" gap="xs" data-testid={`decide-${nip}`}>
      <TextInput
        type="date"
        label="Berakhir baru"
        value={newEndDate}
        onChange={(e) => setNewEndDate(e.currentTarget.value)}
      />
      <TextInput label="Alasan" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <Button size="xs" onClick={() => decide.mutate('EXTEND')} loading={decide.isPending}>
        Perpanjang
      </Button>
      <Button size="xs" color="red" variant="light" onClick={() => decide.mutate('NOT_EXTENDED')}>
        Tidak diperpanjang
      </Button>
      <ErrorBanner error={decide.error} />
    </Group>
  );
}
