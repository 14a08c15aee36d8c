import 'server-only';
/** GET /api/v1/backends/{instance}/{backend}/history, mapped from the store's BackendHistory. */
import type { BackendHistoryDto, BackendHistorySampleDto } from '@/lib/api/history-dto';
import type { BackendHistory, BackendHistorySample } from '@/lib/store';
import { iso, isoOrNull, toIntervalDto, toTrafficDto } from './to-history-dto';

function toBackendSampleDto(sample: BackendHistorySample): BackendHistorySampleDto {
  const dto: BackendHistorySampleDto = {
    at: iso(sample.at),
    sessions: sample.sessions,
    sessionRate: sample.sessionRate,
    ...toTrafficDto(sample),
  };
  const rollup = sample.rollup;
  if (!rollup) return dto;
  return {
    ...dto,
    sessionsMax: rollup.sessionsMax,
    sessionRateMax: rollup.sessionRateMax,
    http5xxRateMax: rollup.http5xxRateMax,
    responseMaxMs: rollup.responseMaxMs,
    totalMaxMs: rollup.totalMaxMs,
    noDataSec: rollup.noDataSec,
  };
}

export function toBackendHistoryDto(
  history: BackendHistory,
  generatedUntil: number | null,
): BackendHistoryDto {
  return {
    instance: history.backend.instance,
    backend: history.backend.backend,
    from: iso(history.range.from),
    to: iso(history.range.to),
    resolution: history.resolution,
    samples: history.samples.map(toBackendSampleDto),
    noData: history.noData.map(toIntervalDto),
    generatedUntil: isoOrNull(generatedUntil),
  };
}
