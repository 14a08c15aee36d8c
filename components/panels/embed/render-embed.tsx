import { resolveEmbed, type SearchParams } from '@/lib/embeds/server/embed-service';
import type { EmbedPanel } from '@/lib/embeds/embed-params';
import { EmbedProblem } from './embed-card';
import { EmbedRoot } from './embed-root';
import { EmbedView } from './embed-view';

/** Server side of an /embed/* page: validate the query (and token), then hand the options to the client. */
export function renderEmbed(panel: EmbedPanel, searchParams: SearchParams) {
  const resolved = resolveEmbed(panel, searchParams, Date.now());
  if (!resolved.ok)
    return (
      <EmbedRoot id={panel} theme="auto">
        <EmbedProblem title={resolved.title} problems={resolved.problems} />
      </EmbedRoot>
    );
  return <EmbedView options={resolved.options} />;
}
