import { Button, Stack, Table, Text, Title } from '@mantine/core';
import type { SkpListItem } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';

export const SKP_KIND_LABELS: Record<string, string> = { DEFINITIVE: 'Definitif', ACTING: 'Plt' };

/**
 * The SKP the page opens by default (spec 04 §1.2): the one not CLOSED, a DEFINITIVE before an ACTING one
 * (Plt), the latest start first; when every SKP of the year is closed, the latest.
 */
export function currentSkp(items: SkpListItem[]): SkpListItem | undefined {
  const byStart = [...items].sort((a, b) =>
    a.periodStart === b.periodStart ? a.kind.localeCompare(b.kind) : a.periodStart < b.periodStart ? 1 : -1,
  );
  return (
    byStart.find((s) => s.status !== 'CLOSED' && s.kind === 'DEFINITIVE') ??
    byStart.find((s) => s.status !== 'CLOSED') ??
    byStart[0]
  );
}

/** Every SKP of the year (after a mutasi, or a Plt's parallel SKP) with its dates, kind and status, to switch between. */
export function SkpSegmentList({
  items,
  openId,
  onOpen,
}: {
  items: SkpListItem[];
  openId: string | undefined;
  onOpen: (id: string) => void;
}) {
  const rows = [...items].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
  return (
    <Stack gap="xs">
      <Title order={2}>SKP tahun ini</Title>
      <Text size="sm">
        Tahun ini Anda memiliki {items.length} SKP (setelah mutasi atau sebagai Plt); pilih yang dibuka.
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label="Daftar SKP tahun ini">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Periode</Table.Th>
              <Table.Th>Jenis</Table.Th>
              <Table.Th>Jabatan</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id} aria-current={s.id === openId ? 'true' : undefined}>
                <Table.Td>
                  {formatDate(s.periodStart)} – {formatDate(s.periodEnd)}
                </Table.Td>
                <Table.Td>{SKP_KIND_LABELS[s.kind] ?? s.kind}</Table.Td>
                <Table.Td>{s.positionTitle}</Table.Td>
                <Table.Td>
                  <StatusBadge status={s.status} />
                </Table.Td>
                <Table.Td>
                  {s.id === openId ? (
                    <Text size="sm" fw={600}>
                      Sedang dibuka
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onOpen(s.id)}
                      aria-label={`Buka SKP ${formatDate(s.periodStart)} – ${formatDate(s.periodEnd)}`}
                    >
                      Buka
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
