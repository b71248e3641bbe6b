import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack>
      <Title order={1}>Halaman tidak ditemukan</Title>
      <Text>
        Alamat ini tidak ada di konsol.{' '}
        <Anchor component={Link} to="/">
          Kembali ke beranda
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
