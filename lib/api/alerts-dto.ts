/**
 * Wire shapes of GET /api/v1/alerts and its SSE stream (shared/reference/api-v1.md), inferred from
 * schemas/alerts.ts; extra fields are additive.
 */
export type { AlertChangeKind, AlertDto, AlertEventDto, AlertsDto, MuteDto } from './schemas/alerts';
