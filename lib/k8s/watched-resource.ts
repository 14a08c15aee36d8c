/**
 * One informer that never gives up: client-node's ListWatch relists on 410 by itself but stops on any other
 * error, so this restarts it with back-off. Until a new list succeeds, the last good objects stay readable.
 */
import {
  KubeConfig,
  ListWatch,
  Watch,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { describeK8sError, k8sErrorStatus, type ResourceTarget } from './k8s-error';

export interface ResourceSpec<T extends KubernetesObject> extends ResourceTarget {
  path: string;
  labelSelector?: string;
  list: () => Promise<KubernetesListObject<T>>;
  /** A CRD that may not be installed: 404 means absent (retried slowly), not an error. */
  optional?: boolean;
}

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  absentRetryMs: number;
}

export type ResourcePhase = 'starting' | 'synced' | 'error' | 'absent' | 'stopped';

/** makeInformer's Watch throws (instead of calling `done`) when building the request fails: an unhandled rejection. */
class SafeWatch extends Watch {
  override async watch(...args: Parameters<Watch['watch']>): Promise<AbortController> {
    try {
      return await super.watch(...args);
    } catch (error) {
      args[3](error);
      return new AbortController();
    }
  }
}

export class WatchedResource<T extends KubernetesObject> {
  phase: ResourcePhase = 'starting';
  error: string | null = null;
  failures = 0;
  private informer: ListWatch<T> | null = null;
  /** The informer whose objects are served: the newest one that listed successfully. */
  private active: ListWatch<T> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly spec: ResourceSpec<T>,
    private readonly kc: KubeConfig,
    private readonly retry: RetryPolicy,
    private readonly onChange: () => void,
  ) {}

  items(): readonly T[] {
    return this.active?.list() ?? [];
  }

  start(): void {
    this.phase = 'starting';
    this.launch();
  }

  stop(): void {
    this.phase = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    const informer = this.informer;
    this.informer = null;
    void informer?.stop();
  }

  private launch(): void {
    const informer: ListWatch<T> = new ListWatch<T>(
      this.spec.path,
      new SafeWatch(this.kc),
      async () => {
        const list = await this.spec.list();
        if (this.informer === informer) this.synced(informer);
        return list;
      },
      false,
      this.spec.labelSelector,
    );
    const changed = () => {
      if (this.active === informer) this.onChange();
    };
    informer.on('add', changed);
    informer.on('update', changed);
    informer.on('delete', changed);
    informer.on('error', (error) => this.failed(informer, error));
    this.informer = informer;
    informer.start().catch((error: unknown) => this.failed(informer, error));
  }

  private synced(informer: ListWatch<T>): void {
    Object.assign(this, { active: informer, phase: 'synced', error: null, failures: 0 });
    this.onChange();
  }

  private failed(informer: ListWatch<T>, error: unknown): void {
    if (informer !== this.informer) return; // a replaced or stopped informer reporting its abort
    this.informer = null;
    void informer.stop();
    if (this.spec.optional && k8sErrorStatus(error) === 404) {
      Object.assign(this, { phase: 'absent', error: null, active: null });
      this.onChange();
      return this.restartIn(this.retry.absentRetryMs);
    }
    this.failures++;
    this.phase = 'error';
    this.error = describeK8sError(error, this.spec, this.kc.getCurrentCluster()?.server ?? 'unknown');
    this.onChange();
    this.restartIn(Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** (this.failures - 1)));
  }

  private restartIn(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.phase !== 'stopped') this.launch();
    }, delayMs);
    this.timer.unref();
  }
}
