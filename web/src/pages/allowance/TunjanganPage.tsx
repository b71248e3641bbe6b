import { Alert, Stack, Text, Title } from '@mantine/core';

/** Tunjangan: each month's TPP line for the signed-in employee (needs an employee-facing allowance reader in the API). */
export function TunjanganPage() {
  return (
    <Stack>
      <Title order={1}>Tunjangan</Title>
      <Text>Rincian TPP bulanan: hak, komponen, potongan beserta alasannya, dan TPP Diterima.</Text>
      <Alert color="yellow" role="status">
        Rincian TPP per pegawai belum tersedia di konsol; hubungi pengelola TPP di BKPSDM.
      </Alert>
    </Stack>
  );
}
