import { Alert, AppShell, Burger, Button, Group, Loader, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { session } from '../auth/session-store';
import { useMe } from '../auth/me';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatNip } from '../lib/format';
import { visibleNavigation } from '../navigation';

/** Header, the navigation of what applies to the signed-in person, and the page. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const qc = useQueryClient();
  const location = useLocation();
  const logout = () => {
    session.end('logout');
    qc.clear();
  };
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#konten" className="skip-link">
        Lewati ke konten
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Buka menu" />
            <Text fw={700} component="span">
              e-Kinerja
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me.data && (
              <Text size="sm" visibleFrom="xs" component="span">
                {me.data.name ?? 'Admin'} · NIP {formatNip(me.data.nip)}
              </Text>
            )}
            <Button variant="default" size="xs" onClick={logout}>
              Keluar
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigasi utama">
        <ScrollArea>
          {me.isPending && <Loader size="sm" aria-label="Memuat menu" />}
          {me.data &&
            visibleNavigation(me.data).map((section) => (
              <Stack key={section.title} gap={0} mb="sm">
                <Text size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" py={4} component="h2">
                  {section.title}
                </Text>
                {section.entries.map((e) => (
                  <NavLink
                    key={e.path}
                    component={RouterLink}
                    to={e.path}
                    label={e.label}
                    variant="filled"
                    active={location.pathname === e.path || location.pathname.startsWith(e.path + '/')}
                    onClick={close}
                  />
                ))}
              </Stack>
            ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="konten" tabIndex={-1}>
        {me.error && <ErrorBanner error={me.error} />}
        {me.data ? <Outlet /> : !me.error && <Loader aria-label="Memuat" />}
      </AppShell.Main>
    </AppShell>
  );
}

/** A page with no menu entry for this person (e.g. the bootstrap admin before admin pages exist). */
export function HomePage() {
  return (
    <Stack>
      <Title order={1}>Beranda</Title>
      <Alert color="gray">Belum ada halaman untuk peran Anda di konsol ini.</Alert>
    </Stack>
  );
}
