import { Alert, Button, Card, Checkbox, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime } from '../../../lib/format';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
const SCOPES = [
  { value: 'payroll:read', label: 'Membaca data pembayaran TPP (payroll:read)' },
  { value: 'attendance:write', label: 'Mengirim data presensi (attendance:write)' },
];

/** API keys of machine clients: the key is shown once, at creation; revoking stops it at once. */
export function ApiKeysCard() {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const keys = useQuery({
    queryKey: ['admin-api-keys'],
    queryFn: async () => (await api.GET('/api/v1/api-keys', {})).data as unknown as { items: ApiKey[] },
  });
  const create = useMutation({
    mutationFn: async () =>
      (await api.POST('/api/v1/api-keys', { body: { name: name.trim(), scopes: scopes as never } }))
        .data as unknown as {
        key: string;
        name: string;
      },
    onSuccess: () => {
      setName('');
      setScopes([]);
      return qc.invalidateQueries({ queryKey: ['admin-api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: async (id: string) => api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-api-keys'] }),
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>Kunci API</Title>
        <ErrorBanner error={keys.error ?? create.error ?? revoke.error} />
        <Group align="end">
          <TextInput label="Nama aplikasi" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Checkbox.Group label="Hak akses" value={scopes} onChange={setScopes}>
            <Group mt={4}>
              {SCOPES.map((s) => (
                <Checkbox key={s.value} value={s.value} label={s.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!name.trim() || !scopes.length}>
            Buat kunci
          </Button>
        </Group>
        {create.data && (
          <Alert color="yellow" role="status" title={`Kunci untuk ${create.data.name}`}>
            <Text size="sm">Salin sekarang: kunci ini hanya ditampilkan sekali.</Text>
            <Code block>{create.data.key}</Code>
          </Alert>
        )}
        {keys.data && keys.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nama</Table.Th>
                  <Table.Th>Awalan</Table.Th>
                  <Table.Th>Hak akses</Table.Th>
                  <Table.Th>Terakhir dipakai</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.items.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>{k.name}</Table.Td>
                    <Table.Td>{k.prefix}</Table.Td>
                    <Table.Td>{k.scopes.join(', ')}</Table.Td>
                    <Table.Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Belum pernah'}</Table.Td>
                    <Table.Td>
                      {k.revokedAt ? (
                        `Dicabut ${formatDateTime(k.revokedAt)}`
                      ) : (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => revoke.mutate(k.id)}
                          aria-label={`Cabut kunci ${k.name}`}
                        >
                          Cabut
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
