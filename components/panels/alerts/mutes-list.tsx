'use client';

import type { MuteDto } from '@/lib/api/alerts-dto';
import { useAlerts } from '../../alerts/use-alerts';
import { Button } from '../../ui/button';
import { formatIn } from '../../ui/format';
import { useAccess } from '../../shell/access-context';
import { VIEWER_MUTE_NOTE } from './alert-controls';
import styles from './alert-center.module.css';
import { formatTime } from './time';

function muteTarget(mute: MuteDto): string {
  const { instance, backend, server, pool } = mute.target;
  return (
    [
      instance && `source ${instance}`,
      backend && (server ? `${backend}/${server}` : backend),
      pool && `pool ${pool}`,
    ]
      .filter(Boolean)
      .join(' · ') || 'everything'
  );
}

/** Active mutes, with when each ends, who set it, and (for operators) a way to end it now. */
export function MutesList({ now }: { now: number }) {
  const { book, unmute } = useAlerts();
  const mayUnmute = useAccess().can('operator');
  const active = book.mutes.filter((m) => Date.parse(m.until) > now);
  return (
    <section aria-labelledby="mutes-heading" className={styles.section}>
      <h2 id="mutes-heading" className={styles.sectionTitle}>
        Mutes <span className={styles.count}>{active.length}</span>
      </h2>
      {active.length === 0 ? (
        <p className={styles.muted}>No target is muted.{mayUnmute ? ' Mute one from a firing alert.' : ''}</p>
      ) : (
        <ul className={styles.list} data-testid="mutes-list">
          {active.map((mute) => (
            <li key={mute.id} className={styles.mute} data-testid="mute-item">
              <div>
                <strong>{muteTarget(mute)}</strong>
                <p className={styles.meta}>
                  until {formatTime(mute.until)} ({formatIn(Date.parse(mute.until) - now)})
                  {mute.createdBy ? ` · by ${mute.createdBy}` : ''}
                  {mute.reason ? ` · ${mute.reason}` : ''}
                </p>
              </div>
              {mayUnmute ? (
                <Button size="sm" onClick={() => void unmute(mute.id)} data-testid="unmute-button">
                  Unmute
                </Button>
              ) : (
                <p className={styles.roleNote} data-testid="mute-role-note">
                  {VIEWER_MUTE_NOTE}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
