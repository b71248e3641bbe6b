import { Alert, Stack, Text, Title } from '@mantine/core';

/**
 * Keberatan: objections awaiting the atasan PPK's decision. The list comes from `GET /me/team`
 * (relation ATASAN_PPK, evaluations OBJECTED) once the API serves it; each decision opens
 * /keberatan/{skpId}/{period} (the link the employee's keberatan notice carries).
 */
export function KeberatanPage() {
  return (
    <Stack>
      <Title order={1}>Keberatan</Title>
      <Text>Keberatan pegawai atas hasil evaluasi kinerja yang menunggu Keputusan Atasan Pejabat Penilai Kinerja.</Text>
      <Alert color="gray" role="status">
        Buka keberatan dari tautan pemberitahuan keberatan untuk memutuskannya.
      </Alert>
    </Stack>
  );
}
