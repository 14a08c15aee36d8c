/** How long each level of history is kept (RETENTION_* settings); retention.ts prunes by it. */
export interface Retention {
  rawHours: number;
  minuteDays: number;
  hourDays: number;
}

export const DEFAULT_RETENTION: Retention = { rawHours: 48, minuteDays: 30, hourDays: 365 };
