import type { EmbedPanel } from '@/lib/embeds/embed-params';
import { getRuntime } from '@/lib/server/runtime';
import { resolveEmbed, type SearchParams } from '@/lib/embeds/server/embed-service';
import { EmbedProblem } from '@/components/panels/embed/embed-card';
import { EmbedRoot } from '@/components/panels/embed/embed-root';
import { EmbedView } from '@/components/panels/embed/embed-view';

export interface EmbedPageProps {
  searchParams: Promise<SearchParams>;
}

/** The server step of every /embed/* page: validate the query (and token), then hand the options to the client. */
export async function renderEmbed(panel: EmbedPanel, searchParams: Promise<SearchParams>) {
  const params = await searchParams; // first: a prerender attempt stops here, before the runtime is touched
  const resolved = resolveEmbed(getRuntime(), panel, params, Date.now());
  if (!resolved.ok)
    return (
      <EmbedRoot id={panel} theme="auto">
        <EmbedProblem title={resolved.title} problems={resolved.problems} />
      </EmbedRoot>
    );
  return <EmbedView options={resolved.options} />;
}
