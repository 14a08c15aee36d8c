import { countedSources, groupSameProcess, type SameProcessGrouping } from '@/lib/health/same-process';
import type { SourceState } from './source-state';

/**
 * Works out, after each poll, which sources read the same HAProxy process and which one of each counts its servers
 * (lib/health/same-process.ts), and writes it onto the states. Returns the grouping for the next call.
 */
export function regroupSameProcess(
  states: readonly SourceState[],
  previous: SameProcessGrouping | null,
): SameProcessGrouping {
  const grouping = groupSameProcess(
    states.map((state) => ({
      name: state.source.name,
      pid: state.info?.pid ?? null,
      nodeName: state.info?.nodeName ?? null,
      uptimeSec: state.info?.uptimeSec ?? null,
      readAt: state.info ? state.infoReadAt : null,
    })),
    previous,
  );
  const counted = countedSources(
    states.map((state) => ({ name: state.source.name, ok: state.ok, hasData: state.backends !== null })),
    grouping.peers,
  );
  for (const state of states) {
    state.sameProcessAs = grouping.peers.get(state.source.name) ?? [];
    state.counted = counted.has(state.source.name);
    state.infoStale = grouping.stale.has(state.source.name);
  }
  return grouping;
}
