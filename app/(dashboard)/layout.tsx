import type { ReactNode } from 'react';
import { AlertsProvider } from '@/components/alerts/alerts-provider';
import { KubernetesBanner } from '@/components/panels/pools/kubernetes-banner';
import { TopBar } from '@/components/shell/top-bar';

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <AlertsProvider>
      <TopBar />
      <KubernetesBanner />
      <main>{children}</main>
    </AlertsProvider>
  );
}
