import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { ErrorBanner } from '../components/ErrorBanner';
import { session } from '../auth/session-store';
import { useSession } from '../auth/useSession';
import { applyApiErrors } from '../lib/form-errors';

/** Only paths inside the console are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/masuk') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { token, ended } = useSession();
  const next = safeNext(params.get('next'));
  const form = useForm({
    mode: 'controlled',
    initialValues: { nip: '', password: '' },
    validate: {
      nip: (v) => (/^\d{18}$/.test(v.replace(/\s/g, '')) ? null : 'NIP harus 18 digit'),
      password: (v) => (v ? null : 'Isi kata sandi'),
    },
  });
  const login = useMutation({
    mutationFn: async (v: { nip: string; password: string }) => {
      const { data } = await api.POST('/api/v1/auth/login', {
        body: { nip: v.nip.replace(/\s/g, ''), password: v.password },
      });
      return data!;
    },
    onSuccess: (data) => {
      session.start(data.accessToken, data.expiresIn);
      navigate(next, { replace: true });
    },
    onError: (err) => applyApiErrors(form, err, (p) => p === 'nip' || p === 'password'),
  });
  if (token) return <Navigate to={next} replace />;

  const err = login.error instanceof ApiError ? login.error : null;
  let message: string | null = null;
  if (err?.status === 401) message = 'NIP atau kata sandi salah. Periksa lalu coba lagi.';
  else if (err?.status === 429) message = 'Terlalu banyak percobaan masuk. Tunggu satu menit, lalu coba lagi.';

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={420} component="main">
        <form onSubmit={form.onSubmit((v) => login.mutate(v))} noValidate>
          <Stack>
            <Title order={1}>Masuk</Title>
            <Text size="sm">e-Kinerja: SKP, evaluasi kinerja, angka kredit dan tunjangan.</Text>
            {ended === 'expired' && !login.error && (
              <Alert color="yellow" role="status">
                Sesi Anda telah berakhir. Silakan masuk kembali; Anda akan kembali ke halaman yang sama.
              </Alert>
            )}
            {ended === 'logout' && !login.error && (
              <Alert color="gray" role="status">
                Anda telah keluar.
              </Alert>
            )}
            {message && (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            )}
            {login.error && !message && !(err?.status === 400) && <ErrorBanner error={login.error} />}
            <TextInput
              label="NIP"
              inputMode="numeric"
              autoComplete="username"
              required
              {...form.getInputProps('nip')}
            />
            <PasswordInput
              label="Kata sandi"
              visibilityToggleButtonProps={{ 'aria-label': 'Lihat sandi' }}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending}>
              Masuk
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
