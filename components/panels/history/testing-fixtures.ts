/** Fixtures shared by the uptime view tests (history panels and the uptime embed). */
import type { UptimeFiguresDto } from '@/lib/api/history-dto';

/** Uptime figures where only the percentage (and, when given, the downtime) matters to the test. */
export const uptimeFigures = (uptimePct: number | null, downtimeSec = 0): UptimeFiguresDto => ({
  uptimePct,
  upSec: 0,
  downtimeSec,
  plannedSec: 0,
  noDataSec: 0,
  degradedSec: 0,
});
