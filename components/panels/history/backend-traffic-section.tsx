'use client';

import { useMemo } from 'react';
import type { HistoryRange } from '@/lib/api/urls';
import { BytesRateChart } from '../../charts/bytes-rate-chart';
import { ErrorsChart } from '../../charts/errors-chart';
import { ResponseTimeChart } from '../../charts/response-time-chart';
import { ApiError } from '../../hooks/fetch-json';
import { useBackendHistory } from '../../hooks/use-backend-history';
import { EmptyState } from '../../ui/empty-state';
import { ShareButton } from '../share/share-button';
import { backendShareChoices, preferring } from '../share/share-choices';
import { backendChartView } from './chart-view';
import { CHART_HEIGHT } from './history-charts';
import styles from './history.module.css';
import { describeRange } from './range-label';

/**
 * The backend's own response time, errors and bytes: HAProxy's backend row, which also counts the 503s HAProxy
 * answers itself when no server is usable (the servers' charts below never show those).
 */
export function BackendTrafficSection({
  instance,
  backend,
  range,
}: {
  instance: string;
  backend: string;
  range: HistoryRange;
}) {
  const ref = useMemo(() => ({ instance, backend }), [instance, backend]);
  const history = useBackendHistory(ref, range);
  const view = useMemo(() => history.data && backendChartView(history.data, CHART_HEIGHT), [history.data]);
  const missing = history.error instanceof ApiError && history.error.status === 404;
  return (
    <section className={styles.card} aria-labelledby="traffic-h" data-testid="backend-traffic">
      <div className={styles.cardHead}>
        <h2 id="traffic-h">
          Backend traffic <span className={styles.muted}>· {describeRange(range)}</span>
        </h2>
        <ShareButton
          label={`${backend} traffic charts`}
          choices={preferring(backendShareChoices(instance, backend), 'response-time')}
        />
      </div>
      {missing ? (
        <EmptyState title="No traffic recorded for this backend" data-testid="no-backend-traffic">
          <p>
            hapscope has not recorded {backend} on {instance}: it is recorded from the first poll that lists
            it.
          </p>
        </EmptyState>
      ) : history.error && !history.data ? (
        <EmptyState title="Cannot load the backend's traffic" tone="error">
          <p>{history.error.message}. Retrying automatically.</p>
        </EmptyState>
      ) : (
        <div className={styles.chartGrid} data-testid="backend-traffic-charts">
          {view ? (
            <>
              <ResponseTimeChart {...view} />
              <ErrorsChart {...view} />
              <BytesRateChart {...view} />
            </>
          ) : (
            Array.from({ length: 3 }, (_, i) => (
              <div key={i} className={styles.chartPlaceholder} style={{ height: CHART_HEIGHT + 40 }} />
            ))
          )}
        </div>
      )}
    </section>
  );
}
