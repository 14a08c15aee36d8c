/**
 * Wire shapes of the history API (shared/reference/api-v1.md: history, uptime, events), inferred from the zod
 * schemas in schemas/; the mappers from the store's results are in lib/history/server/to-history-dto.ts.
 */
export type {
  BackendHistoryDto,
  BackendHistorySampleDto,
  HistoryDto,
  HistorySampleDto,
  IntervalDto,
  TransitionDto,
} from './schemas/history';
export type { EventDto, EventsDto } from './schemas/events';
export type { UptimeBackendDto, UptimeDto, UptimePoolDto, UptimeServerDto } from './schemas/uptime';
export type { UptimeBucketDto, UptimeFiguresDto } from './schemas/uptime-figures';
