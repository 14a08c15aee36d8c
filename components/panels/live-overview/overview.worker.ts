/**
 * The tab's live overview, off the main thread: the live snapshot (loaded, then kept current by the change
 * stream) and the table's query live here; the page is posted only what it shows (overview-model.ts). Health (every
 * page's banners) and the pools (the overview's matrix) are read here too, and posted only when they changed. One
 * per tab, started by overview-client.ts.
 */
import type { PoolsDto } from '@/lib/api/pools-dto';
import type { HealthDto } from '@/lib/api/schemas/health';
import { healthUrl, poolsUrl } from '@/lib/api/urls';
import { fetchJson } from '../../hooks/fetch-json';
import { LiveSnapshotSource } from '../../hooks/live-snapshot-source';
import { buildPoolMatrix, type PoolMatrix } from '../pools/pool-matrix-model';
import { OverviewModel } from './overview-model';
import { pageHealth, type OverviewCommand, type PageHealth, type WorkerMessage } from './overview-view';
import { changesOnly, PolledFeed } from './polled-feed';
import { uptimeFeed } from './uptime-feed';

/** A fault shows within a poll or two, and health is cheap to answer. */
const HEALTH_REFRESH_MS = 2000;
/** The matrix's statuses are the polls': read once a poll. */
const POOLS_REFRESH_MS = 2000;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<OverviewCommand>) => void) | null;
  postMessage: (message: WorkerMessage) => void;
};

const source = new LiveSnapshotSource();
const model = new OverviewModel();
/** While a table shows rows: its uptime column. */
const uptime = uptimeFeed((byKey) => {
  model.setUptime(byKey);
  postView();
});
const postHealth = changesOnly((health: PageHealth) => scope.postMessage({ kind: 'health', health }));
const postMatrix = changesOnly((matrix: PoolMatrix) => scope.postMessage({ kind: 'pool-matrix', matrix }));
/** While the snapshot is followed (a page is shown). */
const health = new PolledFeed(
  () => fetchJson<HealthDto>(healthUrl()),
  HEALTH_REFRESH_MS,
  (answer) => postHealth(pageHealth(answer)),
);
/** While it is followed and the overview shows its pool matrix. */
const pools = new PolledFeed(
  () => fetchJson<PoolsDto>(poolsUrl()),
  POOLS_REFRESH_MS,
  (answer) => postMatrix(buildPoolMatrix(answer.pools)),
);
let unfollow: (() => void) | null = null;
let matrixShown = false;
let queued = false;

/** One view for whatever arrived together (a poll, a burst of scrolls or keystrokes). */
function postView(): void {
  if (queued) return;
  queued = true;
  setTimeout(() => {
    queued = false;
    scope.postMessage({ kind: 'view', view: model.view() });
  }, 0);
}

/** The pools are read while they are both followed and shown. */
function readPools(): void {
  if (unfollow && matrixShown) pools.start();
  else pools.stop();
}

function follow(on: boolean): void {
  if (on && !unfollow) {
    unfollow = source.subscribe(() => {
      model.setSnapshot(source.getState());
      postView();
    });
    health.start();
  }
  if (!on && unfollow) {
    unfollow();
    unfollow = null;
    health.stop();
  }
  readPools();
}

scope.onmessage = ({ data: command }) => {
  if (command.kind === 'follow') return follow(command.on);
  if (command.kind === 'pool-matrix') {
    matrixShown = command.on;
    return readPools();
  }
  if (command.kind === 'range') {
    if (command.range) uptime.start();
    else uptime.stop();
  }
  model.apply(command);
  postView();
};
