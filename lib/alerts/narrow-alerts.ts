/**
 * What a share link reads of GET /api/v1/alerts: the alerts about its target (a backend share: the backend's and
 * its servers'; a server share: that server's; a pool share: the pool's and its servers'; `*`: all), and never
 * the mutes (who muted what, and why, is for people signed in; no embed shows them). Pure.
 */
import { targetHolds, type ShareTarget } from '@/lib/access/share-target';
import type { AlertsDto } from '@/lib/api/alerts-dto';

export function alertsForShare(dto: AlertsDto, target: ShareTarget): AlertsDto {
  return {
    alerts: dto.alerts.filter((alert) => targetHolds(target, alert.target)),
    mutes: [],
    lastEventId: dto.lastEventId,
  };
}
