'use client';

import { useState } from 'react';
import type { EmbedOptions } from '@/lib/embeds/embed-params';
import { setShareToken } from '../../hooks/fetch-json';
import { AlertsEmbed } from './alerts-embed';
import { BackendEmbed } from './backend-embed';
import { ChartEmbed } from './chart-embed';
import { EmbedRoot } from './embed-root';
import { PoolEmbed, PoolMatrixEmbed } from './pool-embeds';
import { ServerEmbed } from './server-embed';
import { UptimeEmbed } from './uptime-embed';

/**
 * The client side of every /embed/* route: the panel the options name, inside the height-reporting root. An embed
 * opened through a share link reads the API with its token (a frame in a wiki has no session): set in the first
 * render, before any panel's first request (SWR fetches after rendering).
 */
export function EmbedView({ options }: { options: EmbedOptions }) {
  useState(() => {
    if (typeof window !== 'undefined') setShareToken(options.token);
  });
  return (
    <EmbedRoot id={options.id} theme={options.theme}>
      <Panel options={options} />
    </EmbedRoot>
  );
}

function Panel({ options }: { options: EmbedOptions }) {
  switch (options.panel) {
    case 'backend':
      return <BackendEmbed options={options} />;
    case 'server':
      return <ServerEmbed options={options} />;
    case 'uptime':
      return <UptimeEmbed options={options} />;
    case 'latency':
    case 'session-rate':
    case 'queue':
    case 'response-time':
    case 'errors':
      return <ChartEmbed options={options} metric={options.panel} />;
    case 'pool':
      return <PoolEmbed options={options} />;
    case 'pool-matrix':
      return <PoolMatrixEmbed options={options} />;
    case 'alerts':
      return <AlertsEmbed options={options} />;
  }
}
