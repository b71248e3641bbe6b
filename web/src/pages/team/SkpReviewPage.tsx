import { Anchor, Button, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { SkpView } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { applyApiErrors } from '../../lib/form-errors';
import { formatNip } from '../../lib/format';
import { SkpReadOnly } from '../skp/SkpReadOnly';

/** Tim Saya › an SKP submitted to the PPK: approve it or return it with a reason. */
export function SkpReviewPage() {
  const { skpId } = useParams() as { skpId: string };
  const qc = useQueryClient();
  const navigate = useNavigate();
  const skp = useQuery({
    queryKey: ['skp', skpId],
    queryFn: async () =>
      (await api.GET('/api/v1/skp/{id}', { params: { path: { id: skpId } } })).data as unknown as SkpView,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim().length >= 3 ? null : 'Tulis alasan pengembalian') },
  });
  const done = (message: string) => {
    notifications.show({ color: 'green', message });
    void qc.invalidateQueries({ queryKey: ['skp'] });
    navigate('/tim');
  };
  const approve = useMutation({
    mutationFn: async () => (await api.POST('/api/v1/skp/{id}/approve', { params: { path: { id: skpId } } })).data,
    onSuccess: () => done('SKP disetujui.'),
  });
  const reject = useMutation({
    mutationFn: async (v: { reason: string }) =>
      (await api.POST('/api/v1/skp/{id}/reject', { params: { path: { id: skpId } }, body: v })).data,
    onSuccess: () => done('SKP dikembalikan kepada pegawai.'),
    onError: (e) => applyApiErrors(form, e, (p) => p === 'reason'),
  });
  return (
    <Stack>
      <Title order={1}>Tim Saya</Title>
      <Anchor component={Link} to="/tim" size="sm">
        ‹ Kembali ke daftar tim
      </Anchor>
      <ErrorBanner error={skp.error ?? approve.error} />
      {skp.isPending && <Loader aria-label="Memuat SKP" />}
      {skp.data && (
        <>
          <Title order={2} size="h3">
            SKP {skp.data.year} — {skp.data.name}
          </Title>
          <Group gap="xs">
            <Text size="sm">NIP {formatNip(skp.data.nip)}</Text>
            <StatusBadge status={skp.data.status} />
          </Group>
          <SkpReadOnly skp={skp.data} />
          {skp.data.status === 'SUBMITTED' && (
            <Stack maw={640}>
              <Button onClick={() => approve.mutate()} loading={approve.isPending} w="fit-content">
                Setujui
              </Button>
              <form onSubmit={form.onSubmit((v) => reject.mutate(v))} noValidate>
                <Stack gap="xs">
                  <ErrorBanner error={reject.error} onField={(p) => p === 'reason'} />
                  <Textarea
                    label="Alasan"
                    description="Wajib bila SKP dikembalikan"
                    autosize
                    minRows={2}
                    {...form.getInputProps('reason')}
                  />
                  <Button type="submit" variant="default" loading={reject.isPending} w="fit-content">
                    Kembalikan
                  </Button>
                </Stack>
              </form>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
