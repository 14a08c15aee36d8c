import 'server-only';
import { getConfig } from '@/lib/config';
import { topologyDecorator } from './apply-topology';
import { Collector } from './collector';
import { attachAlertEngine } from './alerts';
import { attachHistoryRecorder } from './history';

export type { Collector, PollEvent, PollListener } from './collector';
export type { SourceState } from './source-state';

// Route handlers and instrumentation.ts are separate bundles in one process: the one collector lives on globalThis.
const holder = globalThis as typeof globalThis & { __hapscopeCollector?: Collector };

/** The process's collector, created and started on first use. */
export function getCollector(): Collector {
  if (!holder.__hapscopeCollector) {
    const collector = new Collector(getConfig(), { decorate: topologyDecorator(getConfig()) });
    holder.__hapscopeCollector = collector;
    attachHistoryRecorder(collector);
    attachAlertEngine(collector);
    collector.start();
  }
  return holder.__hapscopeCollector;
}
