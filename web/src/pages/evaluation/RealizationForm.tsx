import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EvaluationView } from '../../api/types';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyApiErrors } from '../../lib/form-errors';

interface Item {
  indicatorId: string;
  realization: string;
  evidence: string;
}

/** Realisasi per IKI with bukti dukung (https links, one per line), until the PPK rates. */
export function RealizationForm({
  view,
  queryKey,
  editable,
}: {
  view: EvaluationView;
  queryKey: unknown[];
  editable: boolean;
}) {
  const qc = useQueryClient();
  const indicators = view.results.flatMap((r) => r.indicators);
  const form = useForm<{ items: Item[] }>({
    mode: 'controlled',
    initialValues: {
      items: indicators.map((i) => ({
        indicatorId: i.id,
        realization: i.realization ?? '',
        evidence: i.evidenceUrls.join('\n'),
      })),
    },
  });
  const known = (p: string) => /^items\.\d+\.(realization|evidenceUrls)/.test(p);
  const save = useMutation({
    mutationFn: async (v: { items: Item[] }) => {
      const items = v.items
        .filter((i) => i.realization.trim())
        .map((i) => ({
          indicatorId: i.indicatorId,
          realization: i.realization,
          evidenceUrls: i.evidence
            .split('\n')
            .map((u) => u.trim())
            .filter(Boolean),
        }));
      return (
        await api.PUT('/api/v1/skp/{id}/evaluations/{period}/realizations', {
          params: { path: { id: view.skpId, period: view.period } },
          body: { items },
        })
      ).data as unknown as EvaluationView;
    },
    onSuccess: (saved) => {
      qc.setQueryData(queryKey, saved);
      notifications.show({ color: 'green', message: 'Realisasi disimpan.' });
    },
    onError: (e) => {
      // evidenceUrls[k] problems belong to the item's Bukti Dukung field.
      applyApiErrors(form, e, known);
      const errs = form.errors;
      for (const k of Object.keys(errs)) {
        const m = /^items\.(\d+)\.evidenceUrls/.exec(k);
        if (m) form.setFieldError(`items.${m[1]}.evidence`, errs[k]);
      }
    },
  });
  let n = 0;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Title order={2} size="h3">
          Realisasi dan Bukti Dukung
        </Title>
        <ErrorBanner error={save.error} onField={known} title="Realisasi belum tersimpan" />
        {view.results.map((r, ri) => (
          <Card withBorder key={r.id}>
            <Stack gap="xs">
              <Text fw={600}>
                RHK {ri + 1}: {r.text}
              </Text>
              {r.indicators.map((ind) => {
                const idx = n++;
                return (
                  <Stack gap={4} key={ind.id}>
                    <Text size="sm">
                      {ind.text} · Target {ind.target ?? '–'}
                    </Text>
                    <Textarea
                      label={`Realisasi IKI ${idx + 1}`}
                      autosize
                      minRows={1}
                      disabled={!editable}
                      {...form.getInputProps(`items.${idx}.realization`)}
                    />
                    <Textarea
                      label={`Bukti Dukung IKI ${idx + 1}`}
                      description="Tautan https, satu per baris"
                      autosize
                      minRows={1}
                      disabled={!editable}
                      {...form.getInputProps(`items.${idx}.evidence`)}
                    />
                  </Stack>
                );
              })}
            </Stack>
          </Card>
        ))}
        {editable && (
          <Button type="submit" loading={save.isPending} w="fit-content">
            Simpan
          </Button>
        )}
      </Stack>
    </form>
  );
}
