import { Alert, Button, Code, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { applyApiErrors } from '../../../lib/form-errors';

/** A fresh 32-byte signing secret (base64url), made in the browser; the API stores it and never returns it. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

interface Values {
  url: string;
  secret: string;
}

/** POST /webhooks: the API checks the URL (field error on it); the secret is shown once so the receiver can be set up. */
export function WebhookCreateForm() {
  const qc = useQueryClient();
  const [shown, setShown] = useState<{ url: string; secret: string } | null>(null);
  const form = useForm<Values>({ initialValues: { url: '', secret: newSecret() } });
  const create = useMutation({
    mutationFn: async (v: Values) =>
      (
        await api.POST('/api/v1/webhooks', {
          body: { url: v.url.trim(), eventTypes: ['outcome.created'], secret: v.secret },
        })
      ).data,
    onSuccess: async (_d, v) => {
      setShown({ url: v.url.trim(), secret: v.secret });
      form.setValues({ url: '', secret: newSecret() });
      await qc.invalidateQueries({ queryKey: ['admin-webhooks'] });
    },
    onError: (e) => applyApiErrors(form, e, (p) => p in form.values),
  });
  return (
    <Stack gap="sm">
      {shown && (
        <Alert
          color="green"
          title="Webhook dibuat"
          role="status"
          withCloseButton
          closeButtonLabel="Tutup"
          onClose={() => setShown(null)}
        >
          Rahasia penandatanganan untuk {shown.url} (X-Skp-Signature). Simpan sekarang di sistem penerima; rahasia ini
          tidak ditampilkan lagi:
          <Code block mt={4} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="webhook-secret">
            {shown.secret}
          </Code>
        </Alert>
      )}
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate aria-label="Tambah webhook">
        <Stack gap="sm">
          <Title order={3}>Tambah webhook</Title>
          <ErrorBanner error={create.error} onField={(p) => p in form.values} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="URL penerima"
              description="https; alamat internal ditolak"
              placeholder="https://payroll.contoh.go.id/hooks"
              required
              {...form.getInputProps('url')}
            />
            <TextInput
              label="Rahasia penandatanganan"
              description="Dibuat otomatis; ditampilkan sekali setelah disimpan"
              required
              {...form.getInputProps('secret')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={create.isPending}>
              Simpan webhook
            </Button>
            <Button variant="default" onClick={() => form.setFieldValue('secret', newSecret())}>
              Buat rahasia baru
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
