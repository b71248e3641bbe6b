import { createBrowserRouter, Navigate } from 'react-router';
import { useMe } from './auth/me';
import { RequireSession } from './auth/RequireSession';
import { HomePage, Shell } from './layout/Shell';
import { homePath } from './navigation';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { DisiplinPage } from './pages/admin/DisiplinPage';
import { CaseDetailPage } from './pages/admin/disiplin/CaseDetailPage';
import { ImporPage } from './pages/admin/ImporPage';
import { MonitoringPage } from './pages/admin/MonitoringPage';
import { PegawaiPage } from './pages/admin/PegawaiPage';
import { PegawaiDetailPage } from './pages/admin/pegawai/PegawaiDetailPage';
import { PembayaranTppPage } from './pages/admin/PembayaranTppPage';
import { PppkPage } from './pages/admin/PppkPage';
import { SiasnPage } from './pages/admin/SiasnPage';
import { SistemPage } from './pages/admin/SistemPage';
import { UnitPage } from './pages/admin/UnitPage';
import { AngkaKreditPage } from './pages/credit/AngkaKreditPage';
import { RiwayatPage } from './pages/history/RiwayatPage';
import { TunjanganPage } from './pages/allowance/TunjanganPage';
import { DecisionPage } from './pages/objection/DecisionPage';
import { KeberatanPage } from './pages/objection/KeberatanPage';
import { EvaluasiPage } from './pages/evaluation/EvaluasiPage';
import { SkpSayaPage } from './pages/skp/SkpSayaPage';
import { RatingPage } from './pages/team/RatingPage';
import { SkpReviewPage } from './pages/team/SkpReviewPage';
import { TimSayaPage } from './pages/team/TimSayaPage';

function Home() {
  const me = useMe().data!;
  const to = homePath(me);
  return to === '/beranda' ? <HomePage /> : <Navigate to={to} replace />;
}

/**
 * Routes mirror navigation.ts. Admin pages (another section of the same shell) go under `/admin/…`
 * as children of the Shell route, each with its entry in NAVIGATION's "Admin BKPSDM" section.
 */
export const router = createBrowserRouter([
  { path: '/masuk', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <Home /> },
          { path: 'beranda', element: <HomePage /> },
          { path: 'skp', element: <SkpSayaPage /> },
          { path: 'evaluasi', element: <EvaluasiPage /> },
          { path: 'angka-kredit', element: <AngkaKreditPage /> },
          { path: 'riwayat', element: <RiwayatPage /> },
          { path: 'tunjangan', element: <TunjanganPage /> },
          { path: 'keberatan', element: <KeberatanPage /> },
          { path: 'keberatan/:skpId/:period', element: <DecisionPage /> },
          { path: 'tim', element: <TimSayaPage /> },
          { path: 'tim/skp/:skpId', element: <SkpReviewPage /> },
          { path: 'tim/evaluasi/:skpId/:period', element: <RatingPage /> },
          { path: 'admin/pegawai', element: <PegawaiPage /> },
          { path: 'admin/pegawai/:nip', element: <PegawaiDetailPage /> },
          { path: 'admin/unit', element: <UnitPage /> },
          { path: 'admin/impor', element: <ImporPage /> },
          { path: 'admin/monitoring', element: <MonitoringPage /> },
          { path: 'admin/pembayaran-tpp', element: <PembayaranTppPage /> },
          { path: 'admin/disiplin', element: <DisiplinPage /> },
          { path: 'admin/disiplin/:id', element: <CaseDetailPage /> },
          { path: 'admin/pppk', element: <PppkPage /> },
          { path: 'admin/siasn', element: <SiasnPage /> },
          { path: 'admin/sistem', element: <SistemPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
