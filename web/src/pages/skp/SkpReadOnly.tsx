import { Card, List, Stack, Table, Text, Title } from '@mantine/core';
import type { SkpView } from '../../api/types';
import { formatDate } from '../../lib/format';
import { ASPECT_LABELS, CORE_VALUE_LABELS, KIND_LABELS, label } from '../../lib/labels';

/** An SKP as the form prints it: RHK with IKI, then the BerAKHLAK values with ekspektasi khusus. */
export function SkpReadOnly({ skp }: { skp: SkpView }) {
  return (
    <Stack>
      {skp.approvedAt && <Text size="sm">Disetujui {formatDate(skp.approvedAt)}.</Text>}
      <Title order={2} size="h3">
        Rencana Hasil Kerja (RHK)
      </Title>
      {skp.results.map((r, i) => (
        <Card withBorder key={r.id}>
          <Text fw={600}>
            RHK {i + 1} — {label(KIND_LABELS, r.kind)}
          </Text>
          <Text>{r.text}</Text>
          <List size="sm" mt="xs">
            {r.indicators.map((ind) => (
              <List.Item key={ind.id}>
                {ind.text} {ind.aspect && <>· Aspek {label(ASPECT_LABELS, ind.aspect)}</>}{' '}
                {ind.target && <>· Target {ind.target}</>}
              </List.Item>
            ))}
          </List>
        </Card>
      ))}
      <Title order={2} size="h3">
        Perilaku Kerja (Nilai Dasar BerAKHLAK)
      </Title>
      <Table.ScrollContainer minWidth={300}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nilai Dasar</Table.Th>
              <Table.Th>Ekspektasi Khusus Pimpinan</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {skp.behaviors.map((b) => (
              <Table.Tr key={b.coreValue}>
                <Table.Td>{label(CORE_VALUE_LABELS, b.coreValue)}</Table.Td>
                <Table.Td>{b.specialExpectation ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
