import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { ITEM_STATUS_LABELS } from './labels';
import { Pill } from './Pill';

type SiasnStatus = components['schemas']['SiasnStatusView'];

const STATES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD', 'SUPERSEDED'] as const;

const UPDATE_MODE_LABELS: Record<SiasnStatus['updateMode'], string> = {
  SAVE_WITH_ID: 'Perbarui data SIASN dengan ID-nya',
  DELETE_THEN_SAVE: 'Hapus data SIASN lalu simpan ulang',
  MANUAL: 'Manual: petugas memperbarui di SIASN',
};

/** The exchange's state (GET /siasn/status): on or off and why, read before any push is offered. */
export function useSiasnStatus() {
  return useQuery({
    queryKey: ['admin-siasn-status'],
    queryFn: async () => (await api.GET('/api/v1/siasn/status')).data!,
    refetchInterval: 30_000,
  });
}

/** Counts of the send queue by status, the last call to SIASN, the update mode and where SIASN is. */
export function SiasnStatusSummary({ status }: { status: SiasnStatus }) {
  return (
    <Stack gap={4}>
      <Group gap="xs" role="group" aria-label="Ringkasan antrean kirim">
        {STATES.map((s) => (
          <Pill key={s} color={ITEM_STATUS_LABELS[s].color}>
            {`${ITEM_STATUS_LABELS[s].label} ${formatNumber(status.counts[s])}`}
          </Pill>
        ))}
      </Group>
      <Text size="sm">
        Percobaan terakhir: {status.lastAttemptAt ? formatDateTime(status.lastAttemptAt) : 'belum pernah'} · Mode
        pembaruan: {UPDATE_MODE_LABELS[status.updateMode]}
        {status.baseUrlHost && ` · Alamat SIASN: ${status.baseUrlHost}`}
      </Text>
    </Stack>
  );
}
