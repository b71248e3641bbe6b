import { Alert, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatDateTime, formatNip } from '../../../lib/format';
import { Tag } from '../Tag';
import { changeSentences } from './rule-set-words';
import { RuleSetForm } from './RuleSetForm';

interface RuleSetSummary {
  code: string;
  versions: number;
  latest: string;
  default: boolean;
}
interface Version {
  version: number;
  ref: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  template: string | null;
  ruleSet: Record<string, unknown> & { name?: string };
  createdBy: string;
  createdAt: string;
}

/** Rule sets (spec 03 §11.2) with their versions, what each version changed (in words), and a form for a new version. */
export function RuleSetsCard() {
  const [code, setCode] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
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
  const latest = sorted[sorted.length - 1];
  const choose = (c: string) => {
    setCode(code === c ? null : c);
    setEditing(false);
    setSaved(null);
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>Aturan TPP</Title>
        <ErrorBanner error={list.error ?? versions.error} />
        <Group>
          {list.data?.items.map((r) => (
            <Button
              key={r.code}
              variant={code === r.code ? 'filled' : 'light'}
              onClick={() => choose(r.code)}
              aria-pressed={code === r.code}
              rightSection={r.default ? <Tag color="green">Bawaan instansi</Tag> : undefined}
            >
              {r.code} ({r.versions} versi)
            </Button>
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
                  const diff = i > 0 ? changeSentences(sorted[i - 1].ruleSet, v.ruleSet) : [];
                  return (
                    <Table.Tr key={v.ref}>
                      <Table.Td>
                        <Text size="sm">
                          {v.ref}
                          {v.ruleSet.name ? ` — ${v.ruleSet.name}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {formatDate(v.effectiveFrom)} – {v.effectiveTo ? formatDate(v.effectiveTo) : 'sekarang'}
                      </Table.Td>
                      <Table.Td>
                        {/^\d{18}$/.test(v.createdBy) ? formatNip(v.createdBy) : v.createdBy},{' '}
                        {formatDateTime(v.createdAt)}
                      </Table.Td>
                      <Table.Td>
                        {i === 0 ? (
                          <Text size="sm">Versi pertama{v.template ? ` (dari templat ${v.template})` : ''}</Text>
                        ) : diff.length === 0 ? (
                          <Text size="sm">Tidak ada perubahan isi</Text>
                        ) : (
                          <List size="sm">
                            {diff.map((c) => (
                              <List.Item key={c}>{c}</List.Item>
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
        {saved !== null && (
          <Alert color="green" role="status">
            Versi {saved} aturan {code} tersimpan.
          </Alert>
        )}
        {code && latest && !editing && (
          <Group>
            <Button variant="default" onClick={() => setEditing(true)}>
              Ubah aturan (versi baru)
            </Button>
          </Group>
        )}
        {code && latest && editing && (
          <RuleSetForm
            key={latest.ref}
            ruleSet={latest.ruleSet as never}
            onSaved={(v) => {
              setSaved(v);
              setEditing(false);
            }}
          />
        )}
      </Stack>
    </Card>
  );
}
