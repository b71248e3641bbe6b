import { Badge } from '@mantine/core';
import { STATUS_LABELS } from '../lib/labels';

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const s = status ? STATUS_LABELS[status] : undefined;
  return (
    <Badge color={s?.color ?? 'gray'} variant="light" autoContrast>
      {s?.label ?? status ?? 'Belum ada'}
    </Badge>
  );
}
