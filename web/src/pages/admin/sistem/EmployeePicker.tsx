import { Anchor, List, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatNip } from '../../../lib/format';

interface Found {
  nip: string;
  name: string;
  positionTitle: string | null;
}

/** Finds an employee by name or NIP (GET /employees?q=) and hands the chosen NIP back. */
export function EmployeePicker({ onPick }: { onPick: (e: { nip: string; name: string }) => void }) {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const found = useQuery({
    queryKey: ['admin-audit-employee-search', search],
    enabled: search.length >= 2,
    queryFn: async () =>
      (await api.GET('/api/v1/employees', { params: { query: { q: search, limit: 8 } } })).data as unknown as {
        items: Found[];
      },
  });
  return (
    <Stack gap={4}>
      <TextInput
        label="Cari pegawai (nama atau NIP)"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      <ErrorBanner error={found.error} />
      {found.isFetching && <Loader size="xs" aria-label="Mencari pegawai" />}
      {found.data && found.data.items.length === 0 && <Text size="sm">Tidak ada pegawai yang cocok.</Text>}
      {found.data && found.data.items.length > 0 && (
        <List size="sm" listStyleType="none" aria-label="Hasil pencarian pegawai">
          {found.data.items.map((e) => (
            <List.Item key={e.nip}>
              <Anchor component="button" type="button" onClick={() => onPick(e)}>
                {e.name}
              </Anchor>{' '}
              <Text span size="sm" c="gray.7">
                {formatNip(e.nip)}
                {e.positionTitle ? ` · ${e.positionTitle}` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
