import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyApiErrors } from '../../../lib/form-errors';

/** Ends a Plt / Plh earlier (POST /delegations/{id}/end): the last day, inclusive; the API's message lands on the field. */
export function DelegationEnd({ id, label }: { id: string; label: string }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useForm({ initialValues: { validTo: '' } });
  const end = useMutation({
    mutationFn: async (v: { validTo: string }) =>
      (await api.POST('/api/v1/delegations/{id}/end', { params: { path: { id } }, body: { validTo: v.validTo } })).data,
    onSuccess: async () => {
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['admin-employee-delegations'] });
    },
    onError: (e) => applyApiErrors(form, e, (p) => p === 'validTo'),
  });
  if (!open)
    return (
      <Button size="xs" variant="default" onClick={() => setOpen(true)} aria-label={`Akhiri ${label}`}>
        Akhiri
      </Button>
    );
  return (
    <form onSubmit={form.onSubmit((v) => end.mutate(v))} noValidate aria-label={`Akhiri ${label}`}>
      <ErrorBanner error={end.error} onField={(p) => p === 'validTo'} />
      <Group gap="xs" align="end" wrap="wrap">
        <TextInput type="date" size="xs" label="Hari terakhir" required {...form.getInputProps('validTo')} />
        <Button size="xs" type="submit" loading={end.isPending}>
          Simpan
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          Batal
        </Button>
      </Group>
    </form>
  );
}
