import { List, Stack, Table, Text } from '@mantine/core';
import type { components } from '../../api/schema';
import { formatRupiah } from '../../lib/format';
import { regulations, stepSentences, type LineFacts } from './explain';

type Line = components['schemas']['MyAllowanceLine'];

/** "Penjelasan perhitungan": the rule set by name, each step as a sentence with its amount, the legal basis. */
export function Explanation({ line }: { line: Line | (LineFacts & { ruleSetInfo?: Line['ruleSetInfo'] }) }) {
  const info = line.ruleSetInfo ?? null;
  const sentences = stepSentences(line);
  const laws = info ? regulations(info.legalRefs) : [];
  return (
    <Stack gap="xs">
      {info && (
        <Text size="sm">
          Dihitung dengan aturan {info.name ?? 'TPP instansi'}, versi {info.version}.
        </Text>
      )}
      {sentences.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} layout="fixed" aria-label="Langkah perhitungan">
          <Table.Tbody>
            {sentences.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Text size="sm" fw={i === sentences.length - 1 ? 700 : 400}>
                    {s.text}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" valign="top" w={130}>
                  <Text size="sm" fw={i === sentences.length - 1 ? 700 : 400}>
                    {s.amount === undefined
                      ? ''
                      : `${s.tone === 'cut' || s.tone === 'held' ? '−' : ''}${formatRupiah(s.amount)}`}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {laws.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            Dasar hukum
          </Text>
          <List size="sm">
            {laws.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </>
      )}
      {info?.status === 'INFERRED' && (
        <Text size="xs" c="dimmed">
          Sebagian besaran dalam aturan ini masih contoh dan belum ditetapkan dengan peraturan kepala daerah.
        </Text>
      )}
    </Stack>
  );
}
