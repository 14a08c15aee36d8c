'use client';

import type { KubernetesStatus } from '@/lib/health/topology';
import { useHealth } from '../live-overview/use-live-overview';
import { summarizeK8sError } from './k8s-error-summary';
import styles from './pools.module.css';

const BANNER_HEIGHT_PX = 34;

type BannerState = 'not-configured' | 'connecting' | 'unreachable';

export function bannerState(k8s: KubernetesStatus): BannerState | null {
  if (!k8s.enabled) return 'not-configured';
  if (k8s.ok) return null;
  return k8s.error?.startsWith('connecting') ? 'connecting' : 'unreachable';
}

const TEXT: Record<BannerState, { title: string; body: (error: string | null) => string }> = {
  'not-configured': {
    title: 'Kubernetes not configured:',
    body: () =>
      'pools come from STATIC_POOLS and SERVER_OVERRIDES only; nodes, svclb and Traefik are unknown. ' +
      'Set KUBECONFIG (or run hapscope in the cluster) to see them. HAProxy views are unaffected.',
  },
  connecting: {
    title: 'Connecting to the Kubernetes API…',
    body: () => 'pools fill in once nodes and pods have listed.',
  },
  unreachable: {
    title: 'Kubernetes API unreachable:',
    body: (error) =>
      `${summarizeK8sError(error)}. Pools show the last known nodes and pods; HAProxy status stays live.`,
  },
};

/**
 * Says when pool facts are missing or stale; every HAProxy view keeps working either way. It reads health (polled
 * by every page already), not the pools, which list every server: a page without pools fetches none.
 */
export function KubernetesBanner() {
  const data = useHealth();
  const state = data ? bannerState(data.kubernetes) : null;
  if (!data || !state) return null;
  const text = TEXT[state];
  const body = text.body(data.kubernetes.error);
  return (
    <>
      {/* Full-height views (the overview) subtract the banner's fixed height. */}
      <style>{`:root{--k8s-banner-h:${BANNER_HEIGHT_PX}px}`}</style>
      <p
        className={styles.banner}
        style={{ height: BANNER_HEIGHT_PX }}
        data-testid="k8s-banner"
        data-state={state}
        role={state === 'unreachable' ? 'alert' : 'status'}
        title={`${text.title} ${data.kubernetes.error ?? body}`}
      >
        <span className={styles.bannerTitle}>{text.title}</span>
        <span className={styles.bannerText}>{body}</span>
      </p>
    </>
  );
}
