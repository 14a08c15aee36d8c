import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInCard } from '@/components/shell/sign-in-card';
import { safeNextPath } from '@/lib/access/next-path';
import { pageViewer } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Sign in' };

// The mode is the runtime's configuration, which `next build` must not read.
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

/** Outside the dashboard group: no top bar. Someone already signed in (or AUTH_MODE=none) goes straight on. */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const next = safeNextPath(first(query.next));
  const mode = getRuntime().config.auth.mode;
  if (mode === 'none' || (await viewer())) redirect(next);
  return <SignInCard mode={mode} next={next} error={first(query.error)} />;
}

/** Who this request is for (the clock read here, outside render: the access service takes `now`). */
async function viewer() {
  const requestHeaders = await headers(); // first: a prerender stops here, before the runtime is asked for
  return pageViewer(getRuntime(), requestHeaders, Date.now());
}
