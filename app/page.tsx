import { DashboardStoreProvider } from '@/client/store/provider';
import { Dashboard } from './_components/dashboard';

/** The dashboard; everything on it is live, so the server renders only its frame. */
export default function HomePage() {
  return (
    <DashboardStoreProvider>
      <Dashboard />
    </DashboardStoreProvider>
  );
}
