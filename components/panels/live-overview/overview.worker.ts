/**
 * The tab's live overview, off the main thread: the live snapshot (loaded, then kept current by the change
 * stream) and the table's query live here; the page is posted only what it shows (overview-model.ts). One per tab,
 * started by overview-client.ts.
 */
import { LiveSnapshotSource } from '../../hooks/live-snapshot-source';
import { OverviewModel } from './overview-model';
import type { OverviewCommand } from './overview-view';
import { UptimeFeed } from './uptime-feed';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<OverviewCommand>) => void) | null;
  postMessage: (message: unknown) => void;
};

const source = new LiveSnapshotSource();
const model = new OverviewModel();
/** While a table shows rows: its uptime column. */
const uptime = new UptimeFeed((byKey) => {
  model.setUptime(byKey);
  postView();
});
let unfollow: (() => void) | null = null;
let queued = false;

/** One view for whatever arrived together (a poll, a burst of scrolls or keystrokes). */
function postView(): void {
  if (queued) return;
  queued = true;
  setTimeout(() => {
    queued = false;
    scope.postMessage(model.view());
  }, 0);
}

scope.onmessage = ({ data: command }) => {
  if (command.kind === 'follow') {
    if (command.on && !unfollow)
      unfollow = source.subscribe(() => {
        model.setSnapshot(source.getState());
        postView();
      });
    if (!command.on && unfollow) {
      unfollow();
      unfollow = null;
    }
    return;
  }
  if (command.kind === 'range') {
    if (command.range) uptime.start();
    else uptime.stop();
  }
  model.apply(command);
  postView();
};
