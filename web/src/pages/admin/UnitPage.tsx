import { Anchor, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatNip, formatNumber } from '../../lib/format';
import { UnitPanel } from './unit/UnitPanel';

interface UnitItem {
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

/** Unit Kerja: the organisation tree (parents before children), each unit's head and head counts; search keeps the path. */
export function UnitPage() {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [selected, setSelected] = useState<{ code: string; name: string } | null>(null);
  const tree = useQuery({
    queryKey: ['admin-units', search],
    queryFn: async () => {
      const items: UnitItem[] = [];
      let after: string | undefined;
      do {
        const page = (
          await api.GET('/api/v1/units', { params: { query: { q: search || undefined, limit: 1000, after } } })
        ).data as unknown as { items: UnitItem[]; nextCursor: string | null };
        items.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after);
      return items;
    },
  });
  return (
    <Stack>
      <Title order={1}>Unit</Title>
      <TextInput
        label="Cari unit kerja (kode atau nama)"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      {selected && <UnitPanel key={selected.code} code={selected.code} name={selected.name} />}
      <ErrorBanner error={tree.error} />
      {tree.isPending && <Loader aria-label="Memuat unit kerja" />}
      {tree.data && tree.data.length === 0 && <Text>Tidak ada unit kerja yang cocok.</Text>}
      {tree.data && tree.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
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
              {tree.data.map((u) => (
                <Table.Tr key={u.code}>
                  <Table.Td style={{ paddingLeft: 12 + u.depth * 20 }}>
                    <Anchor
                      component="button"
                      fw={u.match ? 600 : 400}
                      onClick={() => setSelected({ code: u.code, name: u.name })}
                    >
                      {u.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.code}</Table.Td>
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
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
