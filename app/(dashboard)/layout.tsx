import type { ReactNode } from 'react';
import { TopBar } from '@/components/shell/top-bar';

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <TopBar />
      <main>{children}</main>
    </>
  );
}
