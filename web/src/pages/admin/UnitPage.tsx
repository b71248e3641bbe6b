import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { UnitPanel } from './unit/UnitPanel';
import { type UnitItem, UnitTreeTable } from './unit/UnitTreeTable';

/**
 * Unit Kerja: the organisation tree (expand, collapse), each unit's head and head counts; a search keeps the
 * path to each match and opens it. A unit opens its PPK gaps and organisation performance.
 */
export function UnitPage() {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [selected, setSelected] = useState<{ code: string; name: string } | null>(null);
  // Collapsed by default below the first two levels; a search shows every path it found.
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const panel = useRef<HTMLDivElement>(null);
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
  const items = tree.data ?? [];
  const open = expanded ?? new Set(items.filter((u) => (search ? u.childCount > 0 : u.depth < 1)).map((u) => u.code));
  const toggle = (code: string) => {
    const next = new Set(open);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setExpanded(next);
  };
  return (
    <Stack>
      <Title order={1}>Unit</Title>
      <TextInput
        label="Cari unit kerja (kode atau nama)"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setExpanded(null);
        }}
        maw={420}
      />
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          onClick={() => setExpanded(new Set(items.filter((u) => u.childCount > 0).map((u) => u.code)))}
        >
          Buka semua
        </Button>
        <Button variant="default" size="xs" onClick={() => setExpanded(new Set())}>
          Tutup semua
        </Button>
      </Group>
      <div ref={panel}>{selected && <UnitPanel key={selected.code} code={selected.code} name={selected.name} />}</div>
      <ErrorBanner error={tree.error} />
      {tree.isPending && <Loader aria-label="Memuat unit kerja" />}
      {tree.data && items.length === 0 && <Text>Tidak ada unit kerja yang cocok.</Text>}
      {items.length > 0 && (
        <UnitTreeTable
          items={items}
          expanded={open}
          onToggle={toggle}
          selected={selected?.code}
          onSelect={(u) => {
            setSelected({ code: u.code, name: u.name });
            setTimeout(() => panel.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 0);
          }}
        />
      )}
    </Stack>
  );
}
