import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AlertsProvider } from '@/components/alerts/alerts-provider';
import { KubernetesBanner } from '@/components/panels/pools/kubernetes-banner';
import { AccessProvider } from '@/components/shell/access-context';
import { AuthModeBanner } from '@/components/shell/auth-mode-banner';
import { StoreBanner } from '@/components/shell/store-banner';
import { TopBar } from '@/components/shell/top-bar';
import { pageViewer } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';

/** proxy.ts sends a browser without a session to /signin first; this is the fallback should one slip through. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const who = await viewer();
  if (!who) redirect('/signin');
  const mode = getRuntime().config.auth.mode;
  return (
    <AccessProvider identity={{ name: who.name, role: who.role, mode, via: who.via }}>
      <AlertsProvider>
        <TopBar />
        {mode === 'none' ? <AuthModeBanner /> : null}
        <StoreBanner />
        <KubernetesBanner />
        <main>{children}</main>
      </AlertsProvider>
    </AccessProvider>
  );
}

/** Who this request is for (the clock read here, outside render: the access service takes `now`). */
async function viewer() {
  const requestHeaders = await headers(); // first: a prerender stops here, before the runtime is asked for
  return pageViewer(getRuntime(), requestHeaders, Date.now());
}
