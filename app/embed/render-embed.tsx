import { headers } from 'next/headers';
import { authorizeEmbed } from '@/lib/access/server/embed-access-service';
import { embedTargetKey, type EmbedPanel } from '@/lib/embeds/embed-params';
import { getRuntime } from '@/lib/server/runtime';
import { resolveEmbed, type SearchParams } from '@/lib/embeds/server/embed-service';
import { EmbedProblem } from '@/components/panels/embed/embed-card';
import { EmbedRoot } from '@/components/panels/embed/embed-root';
import { EmbedView } from '@/components/panels/embed/embed-view';

export interface EmbedPageProps {
  searchParams: Promise<SearchParams>;
}

/**
 * The server step of every /embed/* page: validate the query, ask the access service who may see it (a session, a
 * share link in `token=`, PUBLIC_EMBEDS), then hand the options, token included, to the client.
 */
export async function renderEmbed(panel: EmbedPanel, searchParams: Promise<SearchParams>) {
  const params = await searchParams; // first: a prerender attempt stops here, before the runtime is touched
  const runtime = getRuntime();
  const resolved = resolveEmbed(runtime, panel, params);
  if (!resolved.ok)
    return (
      <EmbedRoot id={panel} theme="auto">
        <EmbedProblem title={resolved.title} problems={resolved.problems} />
      </EmbedRoot>
    );
  const { options } = resolved;
  const target = embedTargetKey(options.target);
  const access = await authorizeEmbed(runtime, await headers(), options.token, panel, target, Date.now());
  if (!access.ok)
    return (
      <EmbedRoot id={options.id} theme={options.theme}>
        <EmbedProblem title={access.title} problems={[access.message]} />
      </EmbedRoot>
    );
  return <EmbedView options={options} />;
}
