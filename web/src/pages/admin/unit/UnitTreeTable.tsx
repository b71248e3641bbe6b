import { ActionIcon, Anchor, Group, Table, Text } from '@mantine/core';
import { formatNip, formatNumber } from '../../../lib/format';

export interface UnitItem {
  code: string;
  name: string;
  parentCode: string | null;
  depth: number;
  head: { nip: string; name: string; positionTitle: string } | null;
  employeeCount: number;
  subtreeEmployeeCount: number;
  childCount: number;
  match: boolean;
}

/** Rows whose ancestors are all expanded (the list comes parents first, depth-first). */
export function visibleUnits(items: UnitItem[], expanded: Set<string>): UnitItem[] {
  const shown = new Set<string>();
  return items.filter((u) => {
    const visible = u.parentCode === null || (shown.has(u.parentCode) && expanded.has(u.parentCode));
    if (visible) shown.add(u.code);
    return visible;
  });
}

/** The organisation tree as a table: expand/collapse per unit, its head and head counts; the name opens the unit. */
export function UnitTreeTable({
  items,
  expanded,
  onToggle,
  onSelect,
  selected,
}: {
  items: UnitItem[];
  expanded: Set<string>;
  onToggle: (code: string) => void;
  onSelect: (u: UnitItem) => void;
  selected: string | undefined;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Pohon unit kerja">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Unit Kerja</Table.Th>
            <Table.Th>Kode</Table.Th>
            <Table.Th>Kepala</Table.Th>
            <Table.Th>Pegawai</Table.Th>
            <Table.Th>Termasuk sub-unit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visibleUnits(items, expanded).map((u) => {
            const open = expanded.has(u.code);
            return (
              <Table.Tr key={u.code} bg={u.code === selected ? 'blue.0' : undefined}>
                <Table.Td style={{ paddingLeft: 4 + u.depth * 20 }}>
                  <Group gap={4} wrap="nowrap">
                    {u.childCount > 0 ? (
                      <ActionIcon
                        variant="subtle"
                        color="dark"
                        size="sm"
                        onClick={() => onToggle(u.code)}
                        aria-expanded={open}
                        aria-label={`${open ? 'Tutup' : 'Buka'} sub-unit ${u.name}`}
                      >
                        <span aria-hidden>{open ? '▾' : '▸'}</span>
                      </ActionIcon>
                    ) : (
                      <span style={{ display: 'inline-block', width: 22 }} />
                    )}
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      ta="left"
                      fw={u.match ? 700 : 400}
                      onClick={() => onSelect(u)}
                    >
                      {u.name}
                    </Anchor>
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.code}</Table.Td>
                <Table.Td>
                  {u.head ? (
                    `${u.head.name} (${formatNip(u.head.nip)})`
                  ) : (
                    <Text span fs="italic">
                      Kosong
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatNumber(u.employeeCount)}</Table.Td>
                <Table.Td>{formatNumber(u.subtreeEmployeeCount)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
