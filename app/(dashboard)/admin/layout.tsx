import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminForbidden, AdminFrame } from '@/components/panels/admin/admin-frame';
import { pageViewer } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';

/** Admins only: anyone else reads which role these pages need and which one they have. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const who = await viewer();
  if (!who) redirect('/signin?next=/admin');
  if (who.role !== 'admin') return <AdminForbidden role={who.role} />;
  return <AdminFrame mode={getRuntime().config.auth.mode}>{children}</AdminFrame>;
}

/** Who this request is for (the clock read here, outside render: the access service takes `now`). */
async function viewer() {
  const requestHeaders = await headers(); // first: a prerender stops here, before the runtime is asked for
  return pageViewer(getRuntime(), requestHeaders, Date.now());
}
