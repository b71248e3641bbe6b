import { Anchor, Button, Card, FileInput, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download } from '../../api/client';
import { ApiError, humanMessage } from '../../api/errors';
import type { components } from '../../api/schema';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatNumber } from '../../lib/format';
import { uploadFile } from './upload-file';

type EvidenceList = components['schemas']['EvidenceList'];

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,application/pdf,image/png,image/jpeg';
const size = (bytes: number) =>
  bytes < 1024
    ? `${formatNumber(bytes)} B`
    : bytes < 1024 * 1024
      ? `${formatNumber(bytes / 1024, 0)} KB`
      : `${formatNumber(bytes / (1024 * 1024), 1)} MB`;

/** Bukti dukung files of one evaluation: the list and downloads for everyone who sees it, upload and removal for the employee while realisations are open. */
export function EvidenceFiles({ skpId, period, canUpload }: { skpId: string; period: string; canUpload: boolean }) {
  const qc = useQueryClient();
  const key = ['evidence', skpId, period];
  const files = useQuery({
    queryKey: key,
    queryFn: async () =>
      (
        await api.GET('/api/v1/skp/{id}/evaluations/{period}/evidence', {
          params: { path: { id: skpId, period } },
        })
      ).data as EvidenceList,
  });
  const [picked, setPicked] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fileError =
    error instanceof ApiError && error.details.some((d) => d.field === 'file') ? humanMessage(error.message) : null;

  async function send() {
    if (!picked) return;
    setError(null);
    setProgress(0);
    try {
      await uploadFile(`/api/v1/skp/${skpId}/evaluations/${period}/evidence`, picked, setProgress);
      setPicked(null);
      notifications.show({ color: 'green', message: 'Bukti dukung diunggah.' });
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }
  async function remove(id: string) {
    setError(null);
    try {
      await api.DELETE('/api/v1/skp/{id}/evaluations/{period}/evidence/{evidenceId}', {
        params: { path: { id: skpId, period, evidenceId: id } },
      });
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Berkas Bukti Dukung
        </Title>
        <ErrorBanner error={files.error} />
        {fileError ? null : <ErrorBanner error={error} title="Berkas gagal diproses" />}
        {files.data && files.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            Belum ada berkas bukti dukung.
          </Text>
        )}
        {files.data && files.data.items.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            aria-label="Daftar berkas bukti dukung"
            style={{ listStyle: 'none', padding: 0 }}
          >
            {files.data.items.map((f) => (
              <Group component="li" key={f.id} justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Anchor
                    component="button"
                    type="button"
                    ta="left"
                    style={{ overflowWrap: 'anywhere' }}
                    aria-label={`Unduh ${f.fileName}`}
                    onClick={() =>
                      download(`/skp/${skpId}/evaluations/${period}/evidence/${f.id}`, f.fileName).catch(setError)
                    }
                  >
                    {f.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {size(f.sizeBytes)} · diunggah {formatDate(f.uploadedAt)}
                  </Text>
                </Stack>
                {canUpload && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={`Hapus ${f.fileName}`}
                    onClick={() => void remove(f.id)}
                  >
                    Hapus
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {canUpload && (
          <Group align="end" wrap="wrap">
            <FileInput
              label="Berkas bukti dukung"
              description="PDF, PNG, JPEG, DOCX atau XLSX; paling besar 10 MB"
              accept={ACCEPT}
              clearable
              value={picked}
              onChange={(f) => {
                setPicked(f);
                setError(null);
              }}
              error={fileError}
              style={{ flex: '1 1 16rem' }}
            />
            <Button onClick={() => void send()} disabled={!picked} loading={progress !== null}>
              Unggah
            </Button>
          </Group>
        )}
        {progress !== null && <Progress value={progress} aria-label="Kemajuan unggahan" striped animated />}
      </Stack>
    </Card>
  );
}
