import { Text } from '@mantine/core';
import { STATUS_LABELS } from '../lib/labels';

/** Status pill; text in the colour's darkest shade on its lightest (Mantine's light badges fall below 4.5:1). */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  const s = status ? STATUS_LABELS[status] : undefined;
  const color = s?.color ?? 'gray';
  return (
    <Text
      span
      size="xs"
      fw={700}
      tt="uppercase"
      c="dark.9"
      bg={`${color}.1`}
      px={8}
      py={2}
      style={{ borderRadius: 12 }}
    >
      {s?.label ?? status ?? 'Belum ada'}
    </Text>
  );
}
