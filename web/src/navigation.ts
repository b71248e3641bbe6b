import type { Me } from './auth/me';

/**
 * Every page of the console, by section. The menu shows an entry when `visible(me)` holds on today's
 * date; the page's h1 is its label. Admin pages (the BKPSDM office) go in the ADMIN section: add an
 * entry here and a route in router.tsx (see web/README.md).
 */
export interface NavEntry {
  path: string;
  label: string;
  visible: (me: Me) => boolean;
}
export interface NavSection {
  title: string;
  entries: NavEntry[];
}

const employee = (me: Me) => me.isEmployee;
const admin = (me: Me) => me.isAdmin;

export const NAVIGATION: NavSection[] = [
  {
    title: 'Pegawai',
    entries: [
      { path: '/skp', label: 'SKP Saya', visible: employee },
      { path: '/evaluasi', label: 'Evaluasi', visible: employee },
      { path: '/angka-kredit', label: 'Angka Kredit', visible: employee },
      { path: '/tunjangan', label: 'Tunjangan', visible: employee },
      { path: '/riwayat', label: 'Riwayat', visible: employee },
    ],
  },
  { title: 'Pejabat Penilai Kinerja', entries: [{ path: '/tim', label: 'Tim Saya', visible: (me) => me.isPpk }] },
  {
    title: 'Atasan Pejabat Penilai Kinerja',
    entries: [{ path: '/keberatan', label: 'Keberatan', visible: (me) => me.isAtasanPpk }],
  },
  {
    title: 'Admin BKPSDM',
    entries: [
      { path: '/admin/pegawai', label: 'Pegawai', visible: admin },
      { path: '/admin/unit', label: 'Unit', visible: admin },
      { path: '/admin/impor', label: 'Impor', visible: admin },
      { path: '/admin/monitoring', label: 'Monitoring', visible: admin },
      { path: '/admin/pembayaran-tpp', label: 'Pembayaran TPP', visible: admin },
      { path: '/admin/disiplin', label: 'Disiplin', visible: admin },
      { path: '/admin/pppk', label: 'Kontrak PPPK', visible: admin },
      { path: '/admin/siasn', label: 'SIASN', visible: admin },
      { path: '/admin/sistem', label: 'Sistem', visible: admin },
    ],
  },
];

export function visibleNavigation(me: Me): NavSection[] {
  return NAVIGATION.map((s) => ({ ...s, entries: s.entries.filter((e) => e.visible(me)) })).filter(
    (s) => s.entries.length > 0,
  );
}

/** Where a person lands after Masuk when no page was asked for. */
export function homePath(me: Me): string {
  return visibleNavigation(me)[0]?.entries[0]?.path ?? '/beranda';
}
