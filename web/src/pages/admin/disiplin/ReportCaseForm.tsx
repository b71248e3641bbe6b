import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyApiErrors } from '../../../lib/form-errors';
import { ACT_LABELS, CASE_KIND_LABELS, opts } from './labels';

interface Values {
  nip: string;
  kind: string;
  act: string;
  stage: string;
  listeningOnly: boolean;
  occurredOn: string;
  reportedBy: string;
  description: string;
}

/** A report (Bawaslu finding, attendance, other) becomes a case; the API classifies it and sets the deadlines. */
export function ReportCaseForm() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: {
      nip: '',
      kind: 'NETRALITAS',
      act: 'N05',
      stage: '',
      listeningOnly: false,
      occurredOn: '',
      reportedBy: '',
      description: '',
    },
  });
  const known = (path: string) => path in form.values;
  const report = useMutation({
    mutationFn: async (v: Values) => {
      const netralitas = v.kind === 'NETRALITAS';
      const res = await api.POST('/api/v1/discipline/cases', {
        body: {
          nip: v.nip.replace(/\s/g, ''),
          kind: v.kind as never,
          act: netralitas ? v.act : undefined,
          // Empty: the API takes the stage from the election covering the date (04 §7).
          stage: netralitas && v.stage ? (v.stage as never) : undefined,
          listeningOnly: netralitas && v.act === 'N05' ? v.listeningOnly : undefined,
          occurredOn: v.occurredOn,
          reportedBy: v.reportedBy.trim(),
          description: v.description.trim() || undefined,
        },
      });
      return res.data as unknown as { id: string };
    },
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: ['admin-cases'] });
      void navigate(`/admin/disiplin/${c.id}`);
    },
    onError: (e) => applyApiErrors(form, e, known),
  });
  const netralitas = form.values.kind === 'NETRALITAS';
  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit((v) => report.mutate(v))} noValidate>
        <Stack>
          <Title order={2}>Laporkan kasus</Title>
          <ErrorBanner error={report.error} onField={known} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="NIP pegawai" required {...form.getInputProps('nip')} />
            <NativeSelect label="Jenis kasus" data={opts(CASE_KIND_LABELS)} {...form.getInputProps('kind')} />
            {netralitas && <NativeSelect label="Perbuatan" data={opts(ACT_LABELS)} {...form.getInputProps('act')} />}
            {netralitas && (
              <NativeSelect
                label="Tahapan pemilihan"
                data={[
                  { value: '', label: 'Menurut data pemilihan (tanggal penetapan calon)' },
                  { value: 'BAKAL_CALON', label: 'Sebelum penetapan calon (bakal calon)' },
                  { value: 'CALON', label: 'Setelah penetapan calon' },
                ]}
                {...form.getInputProps('stage')}
              />
            )}
            {netralitas && form.values.act === 'N05' && (
              <Checkbox
                label="Hadir hanya untuk mendengarkan (tanpa gestur/atribut keberpihakan)"
                {...form.getInputProps('listeningOnly', { type: 'checkbox' })}
              />
            )}
            <TextInput type="date" label="Tanggal kejadian" required {...form.getInputProps('occurredOn')} />
            <TextInput label="Pelapor" required {...form.getInputProps('reportedBy')} />
          </SimpleGrid>
          <Textarea label="Uraian" autosize minRows={2} {...form.getInputProps('description')} />
          <Group>
            <Button type="submit" loading={report.isPending}>
              Laporkan
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
