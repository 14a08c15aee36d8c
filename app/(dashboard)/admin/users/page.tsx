import type { Metadata } from 'next';
import { UsersPanel } from '@/components/panels/admin/users-panel';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Users · Admin' };

// The sign-in mode is the runtime's configuration, which `next build` must not read.
export const dynamic = 'force-dynamic';

export default function AdminUsersPage() {
  return <UsersPanel mode={getRuntime().config.auth.mode} />;
}
