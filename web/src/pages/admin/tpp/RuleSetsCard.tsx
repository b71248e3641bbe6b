import { Anchor, Card, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Tag } from '../Tag';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../../lib/format';

interface RuleSetSummary {
  code: string;
  versions: number;
  latest: string;
  default: boolean;
}
interface Version {
  version: string;
  ref: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  template: string | null;
  ruleSet: unknown;
  createdBy: string;
  createdAt: string;
}

/** Every leaf of a rule set as `path → value`, to list what a version changed. */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, JSON.stringify(value));
  return out;
}
function changes(before: unknown, after: unknown): { path: string; from?: string; to?: string }[] {
  const a = leaves(before);
  const b = leaves(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => ({ path: p, from: a.get(p), to: b.get(p) }));
}

/** Rule sets (spec 03 §11.2) with their versions, effective dates and what each version changed. */
export function RuleSetsCard() {
  const [code, setCode] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['admin-rule-sets'],
    queryFn: async () =>
      (await api.GET('/api/v1/allowance/rule-sets', {})).data as unknown as { items: RuleSetSummary[] },
  });
  const versions = useQuery({
    queryKey: ['admin-rule-set', code],
    enabled: !!code,
    queryFn: async () =>
      (await api.GET('/api/v1/allowance/rule-sets/{code}', { params: { path: { code: code! } } })).data as unknown as {
        versions: Version[];
        unitCodes: string[];
      },
  });
  const sorted = [...(versions.data?.versions ?? [])].sort((x, y) => Number(x.version) - Number(y.version));
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>Aturan TPP</Title>
        <ErrorBanner error={list.error ?? versions.error} />
        <Group>
          {list.data?.items.map((r) => (
            <Anchor key={r.code} component="button" onClick={() => setCode(code === r.code ? null : r.code)}>
              {r.code} ({r.versions} versi) {r.default && <Tag color="green">Bawaan instansi</Tag>}
            </Anchor>
          ))}
        </Group>
        {code && versions.data && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={`Versi aturan ${code}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Versi</Table.Th>
                  <Table.Th>Berlaku</Table.Th>
                  <Table.Th>Dibuat</Table.Th>
                  <Table.Th>Perubahan dari versi sebelumnya</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((v, i) => {
                  const diff = i > 0 ? changes(sorted[i - 1].ruleSet, v.ruleSet) : [];
                  return (
                    <Table.Tr key={v.ref}>
                      <Table.Td>{v.ref}</Table.Td>
                      <Table.Td>
                        {formatDate(v.effectiveFrom)} – {v.effectiveTo ? formatDate(v.effectiveTo) : 'sekarang'}
                      </Table.Td>
                      <Table.Td>
                        {v.createdBy}, {formatDateTime(v.createdAt)}
                      </Table.Td>
                      <Table.Td>
                        {i === 0 ? (
                          <Text size="sm">Versi pertama{v.template ? ` (dari templat ${v.template})` : ''}</Text>
                        ) : diff.length === 0 ? (
                          <Text size="sm">Tidak ada perubahan isi</Text>
                        ) : (
                          <List size="sm">
                            {diff.map((c) => (
                              <List.Item key={c.path}>
                                <Code>{c.path}</Code>: {c.from ?? '—'} → {c.to ?? '—'}
                              </List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
