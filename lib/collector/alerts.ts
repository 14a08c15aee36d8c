import 'server-only';
import type { PoolHealthInput } from '@/lib/health/alerts/alert-rules';
import { getHistoryDb } from '@/lib/store';
import { AlertEngine } from './alert-engine';
import { poolsDto } from './apply-topology';
import type { Collector } from './collector';

/** Pool facts cost a pass over every server's recent checks: refreshed at most this often for the rules. */
const POOL_INPUT_REFRESH_MS = 5_000;

const holder = globalThis as typeof globalThis & { __hapscopeAlerts?: AlertEngine };

/** The process's alert engine; null until the collector attached it. */
export function getAlertEngine(): AlertEngine | null {
  return holder.__hapscopeAlerts ?? null;
}

/** Evaluates alerts after every poll. A store that fails is logged; polling goes on regardless. */
export function attachAlertEngine(collector: Collector): void {
  let engine: AlertEngine;
  try {
    engine = holder.__hapscopeAlerts = new AlertEngine(collector.config, {
      db: getHistoryDb,
      pools: poolInputs(collector),
    });
  } catch (error) {
    console.error('[hapscope] alerts are off: the store did not open:', error);
    return;
  }
  collector.onPoll((event) => {
    try {
      engine.onPoll(event, collector.states);
    } catch (error) {
      console.error('[hapscope] alert evaluation failed:', error);
    }
  });
}

function poolInputs(collector: Collector): (now: number) => PoolHealthInput[] | null {
  let cached: { at: number; value: PoolHealthInput[] | null } | null = null;
  return (now) => {
    if (cached && now - cached.at < POOL_INPUT_REFRESH_MS) return cached.value;
    const dto = poolsDto(collector, now);
    const known = !dto.kubernetes.enabled || dto.kubernetes.ok;
    const value = known
      ? dto.pools
          .filter((pool) => pool.name !== 'unassigned')
          .map((pool) => ({
            name: pool.name,
            traefikLocal: dto.kubernetes.ok && pool.nodes.length > 0 ? pool.traefikLocal : null,
            checkLatencyP95Ms: pool.checkLatencyMs.p95,
          }))
      : null;
    cached = { at: now, value };
    return value;
  };
}
