import type { ReactNode } from 'react';
import { AlertsProvider } from '@/components/alerts/alerts-provider';
import { TopBar } from '@/components/shell/top-bar';

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <AlertsProvider>
      <TopBar />
      <main>{children}</main>
    </AlertsProvider>
  );
}
