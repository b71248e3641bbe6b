import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DistributionReport } from '../api/types';
import { CURVE_LABELS, ORG_PREDICATE_LABELS, PREDICATES, label } from '../lib/labels';

/** Pola Distribusi (Kurva Distribusi Predikat Kinerja) of a unit and period, with what finalising would raise. */
export function DistributionCurve({ report }: { report: DistributionReport }) {
  // On a phone five labels side by side overlap: tilt them.
  const narrow = useMediaQuery('(max-width: 40em)') ?? false;
  const data = PREDICATES.map((p) => ({ predikat: CURVE_LABELS[p], jumlah: report.counts[p] ?? 0 }));
  return (
    <Stack gap="xs" data-testid="pola-distribusi">
      <Title order={3} size="h4">
        Pola Distribusi — {report.unitName}
      </Title>
      <Text size="sm">
        Capaian Kinerja Organisasi:{' '}
        {report.orgPredicate ? label(ORG_PREDICATE_LABELS, report.orgPredicate) : 'belum ditetapkan'} ·{' '}
        {report.population} pegawai dinilai
      </Text>
      <figure
        style={{ margin: 0 }}
        aria-label={`Kurva Distribusi Predikat Kinerja: ${data.map((d) => `${d.predikat} ${d.jumlah}`).join(', ')}`}
      >
        <ResponsiveContainer width="100%" height={narrow ? 260 : 220}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="predikat"
              interval={0}
              tick={{ fontSize: narrow ? 10 : 12 }}
              angle={narrow ? -35 : 0}
              textAnchor={narrow ? 'end' : 'middle'}
              height={narrow ? 80 : 40}
            />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="jumlah" name="Jumlah pegawai" fill="#1c7ed6" />
            <Line type="monotone" dataKey="jumlah" name="Kurva" stroke="#862e9c" strokeWidth={2} dot />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
      {report.violations.length > 0 ? (
        <Alert color="orange" title="Pelanggaran pola distribusi bila diterbitkan" role="status">
          <List size="sm">
            {report.violations.map((v, i) => (
              <List.Item key={i}>{v.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm" c="green.9">
          Sesuai pola distribusi.
        </Text>
      )}
      {report.warnings.length > 0 && (
        <List size="sm">
          {report.warnings.map((w, i) => (
            <List.Item key={i}>{w.message}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
