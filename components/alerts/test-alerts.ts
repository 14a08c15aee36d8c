/** Alert DTOs for unit tests. */
import type { AlertDto, AlertEventDto } from '@/lib/api/alerts-dto';

export function alertDto(id: string, extra: Partial<AlertDto> = {}): AlertDto {
  return {
    id,
    kind: 'flapping',
    severity: 'warning',
    state: 'firing',
    since: '2024-05-01T10:00:00.000Z',
    firedAt: '2024-05-01T10:00:00.000Z',
    resolvedAt: null,
    target: { instance: 'main', backend: 'be', server: id, pool: null },
    summary: `${id} flapped 6 times in 42 s`,
    groupId: null,
    inhibitedBy: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    mutedUntil: null,
    ...extra,
  };
}

export function eventDto(
  id: string,
  seq: number,
  change: AlertEventDto['change'],
  extra: Partial<AlertDto> = {},
): AlertEventDto {
  return { ...alertDto(id, extra), seq, change, notify: change === 'fired' || change === 'resolved' };
}
