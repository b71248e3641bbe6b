import { Table, Text } from '@mantine/core';
import { formatDate } from '../../../lib/format';
import { STEP_LABELS } from './labels';
import { plainRule, whoActs, type CaseActors } from './who-acts';

export interface Deadline {
  dueOn: string | null;
  doneOn: string | null;
  rule: string;
  overdue: boolean;
}

/** Each step of the case with its deadline, who must act and the rule behind it; an overdue step stands out. */
export function CaseSteps({
  deadlines,
  next,
  actors,
}: {
  deadlines: Record<string, Deadline>;
  next: string | undefined;
  actors: CaseActors;
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Tahapan dan tenggat">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tahap</Table.Th>
            <Table.Th>Tenggat</Table.Th>
            <Table.Th>Selesai</Table.Th>
            <Table.Th>Yang harus bertindak</Table.Th>
            <Table.Th>Dasar</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(STEP_LABELS).map(([step, label]) => {
            const d = deadlines[step];
            if (!d) return null;
            return (
              <Table.Tr key={step} data-testid={`step-${step}`} bg={d.overdue ? 'red.0' : undefined}>
                <Table.Td>
                  <Text span fw={step === next ? 700 : 400}>
                    {label}
                  </Text>
                  {step === next && ' (tahap berikutnya)'}
                </Table.Td>
                <Table.Td>
                  {d.dueOn ? formatDate(d.dueOn) : '—'}
                  {d.overdue && (
                    <Text span fw={700} c="red.9">
                      {' '}
                      Lewat tenggat
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.doneOn ? formatDate(d.doneOn) : '—'}</Table.Td>
                <Table.Td data-testid={`actor-${step}`}>
                  <Text size="sm">{whoActs(step, actors)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{plainRule(d.rule)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
