/**
 * Turns polls into alerts: keeps each server's flap state, evaluates the rules after every poll, drives the state
 * machine, persists every change and hands it to stream subscribers. Pure logic lives in lib/health. Evaluation is
 * synchronous, in poll order; saving is not, so each evaluation's changes are saved after the last one's, in one
 * chain: the change log and the stream keep the order the changes happened in.
 */
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import type { Config } from '@/lib/config/parse-config';
import { advanceAlerts, isNotifiable } from '@/lib/alerts/alert-state';
import { evaluateAlertRules, type AlertSettings, type PoolFacts } from '@/lib/alerts/alert-rules';
import {
  emptyResponseWindow,
  observeResponses,
  RESPONSE_WINDOW_MS,
  windowRates,
  type ResponseWindow,
} from '@/lib/alerts/response-window';
import type { AlertChange, AlertCondition, AlertRecord } from '@/lib/alerts/types';
import {
  emptyFlapState,
  observeFlap,
  type FlapBook,
  type FlapSettings,
  type FlapState,
} from '@/lib/health/flapping';
import { backendKey } from '@/lib/health/server-key';
import type { Backend, TrafficRates } from '@/lib/health/types';
import { isStoreError } from '@/lib/problems/store-fault';
import type { AlertSave, Store } from '@/lib/store';
import type { PollEvent } from '@/lib/collector/collector';
import { countedBackends, countedStates, type SourceState } from '@/lib/collector/source-state';

export type AlertListener = (event: AlertEventDto) => void;

/** Changes kept while the store cannot take them (written, in order, once it can); the oldest go beyond this. */
export const MAX_UNSAVED_CHANGES = 1000;

interface UnsavedChange {
  change: AlertChange;
  at: number;
}

/** A new episode's id: the rule's key and when it fired, so a re-fire is a new alert. */
export const episodeId = (ruleKey: string, firedAt: number) => `${ruleKey}@${firedAt.toString(36)}`;

export interface AlertEngineDeps {
  store: Pick<Store, 'alerts' | 'faults'>;
  /**
   * Other replicas share the store's change log: subscribers hear changes as the store tells of them (heard), this
   * process's own included, so every replica's streams send one log in one order.
   */
  sharedLog?: boolean;
  /** Pool facts, or null while they are unknown (Kubernetes not synced): pool alerts then carry over. */
  pools: (now: number) => PoolFacts[] | null;
}

export class AlertEngine {
  readonly flaps: FlapBook = new Map();
  /** Each backend's HTTP responses over the last minute, for the http-5xx rule. */
  private readonly responses = new Map<string, ResponseWindow>();
  private active = new Map<string, AlertRecord>();
  private episodes = new Map<string, string>();
  /** Whether the firing alerts were read from the store: rules wait for it, or they would fire them twice. */
  private loaded = false;
  private loading: Promise<boolean> | null = null;
  /** Reading them failed with something not the store's (a bug): alerts stay off until a restart. */
  private broken = false;
  private unsaved: UnsavedChange[] = [];
  /** Saves, one after the other; never rejects. */
  private saving: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<AlertListener>();
  private readonly polled = new Set<string>();
  private readonly flapSettings: FlapSettings;
  private readonly ruleSettings: AlertSettings;
  /** Cost of the last evaluation, for /metrics. */
  lastEvaluationMs = 0;
  /** Another replica evaluates (follow): firing() is empty here, and /metrics' alert figures are the leader's. */
  private following = false;
  /** With a shared log: the last change told to subscribers (null until the first is heard), and the reads. */
  private toldSeq: number | null = null;
  private telling: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: Config,
    private readonly deps: AlertEngineDeps,
  ) {
    const { alerts } = config;
    this.flapSettings = { windowSize: 21, highPct: alerts.flapHighPct, lowPct: alerts.flapLowPct };
    this.ruleSettings = {
      downGraceMs: alerts.downGraceMs,
      backupOnlyGraceMs: alerts.downGraceMs,
      backendDownGraceMs: Math.min(alerts.downGraceMs, 2 * config.pollIntervalMs),
      sourceErrorGraceMs: 0,
      latencyP95Ms: alerts.latencyP95Ms,
      poolUnstableServers: alerts.poolUnstableServers,
      pollIntervalMs: config.pollIntervalMs,
      http5xxPct: alerts.http5xxPct,
      http5xxMinRate: alerts.http5xxMinRate,
      http5xxGraceMs: alerts.downGraceMs,
      responseTimeMs: alerts.responseTimeMs,
      responseTimeGraceMs: alerts.downGraceMs,
      lbDisagreeGraceMs: alerts.lbDisagreeGraceMs,
    };
    void this.load();
  }

  /** Alert changes waiting for the store (health says how many). */
  get unsavedChanges(): number {
    return this.unsaved.length;
  }

  /** Alerts are off: the firing alerts could not be read, for a reason not the store's. */
  get off(): boolean {
    return this.broken;
  }

  /** Reads the firing alerts (one read at a time); a store that fails is tried again at the next evaluation. */
  private load(): Promise<boolean> {
    if (this.loaded || this.broken) return Promise.resolve(this.loaded);
    return (this.loading ??= this.readFiring().finally(() => (this.loading = null)));
  }

  private async readFiring(): Promise<boolean> {
    try {
      for (const [key, { id, record }] of await this.deps.store.alerts.loadFiringAlerts()) {
        this.active.set(key, record);
        this.episodes.set(key, id);
      }
      this.loaded = true;
    } catch (error) {
      if (!isStoreError(error)) {
        this.broken = true;
        console.error('[hapscope] alerts are off: the firing alerts could not be read:', error);
      }
    }
    return this.loaded;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: AlertListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * This process leads from now on, after another (or nobody) did: the firing alerts are read from the store again
   * before the next evaluation, and changes it could not save before are dropped (the leader since has its own).
   * Flap and response windows go on: every replica watches every poll.
   */
  lead(): void {
    this.following = false;
    this.loaded = false;
    this.active = new Map();
    this.episodes = new Map();
    this.unsaved = [];
  }

  /** Another replica leads (and evaluates): this one holds no firing alerts of its own until it leads. */
  follow(): void {
    this.following = true;
    this.active = new Map();
    this.unsaved = [];
  }

  /**
   * Called after every poll of every source. Rules run once every source has been polled since start, and once the
   * firing alerts are read (an evaluation waits for a read in progress). Resolves when this poll's changes are
   * saved, or kept for later; rejects only when the evaluation itself failed (a bug). A poll relayed from the
   * leading replica is watched (flaps, responses) and not evaluated: the leader evaluates it.
   */
  onPoll(event: PollEvent, states: readonly SourceState[]): Promise<void> {
    // Of the sources of one process, the counted one is watched, under the process's name: whichever of them
    // answers, a server's flaps and response rates go on in one series.
    if (event.result && event.state.counted) {
      const backends = countedBackends({ ...event.state, backends: event.result.backends }, states);
      this.observeFlaps(backends);
      this.observeResponses(backends, event.at);
    }
    this.polled.add(event.state.source.name);
    if (event.relayed) return this.saving;
    if (!states.every((state) => this.polled.has(state.source.name))) return this.saving;
    if (this.loaded) {
      this.evaluate(states, event.at);
      return this.saving;
    }
    return this.load().then((loaded) => {
      if (loaded) this.evaluate(states, event.at);
      return this.saving;
    });
  }

  private observeFlaps(backends: readonly Backend[]): void {
    for (const backend of backends) {
      const key = backendKey(backend.instance, backend.name);
      const byServer = this.flaps.get(key) ?? new Map<string, FlapState>();
      this.flaps.set(key, byServer);
      for (const server of backend.servers) {
        byServer.set(
          server.name,
          observeFlap(byServer.get(server.name) ?? emptyFlapState(), server, this.flapSettings),
        );
      }
    }
  }

  private observeResponses(backends: readonly Backend[], at: number): void {
    for (const backend of backends) {
      const key = backendKey(backend.instance, backend.name);
      let window = this.responses.get(key);
      if (!window) this.responses.set(key, (window = emptyResponseWindow()));
      observeResponses(window, backend.rates, at);
    }
  }

  /** The windows' rates; a backend no poll has listed for a whole window (gone, or its source failing) is dropped. */
  private responseRates(now: number): Map<string, TrafficRates> {
    const rates = new Map<string, TrafficRates>();
    for (const [key, window] of this.responses) {
      if (window.lastAt !== null && window.lastAt <= now - RESPONSE_WINDOW_MS) {
        this.responses.delete(key);
        continue;
      }
      const perSecond = windowRates(window);
      if (perSecond) rates.set(key, perSecond);
    }
    return rates;
  }

  private evaluate(states: readonly SourceState[], now: number): void {
    const started = performance.now();
    const pools = this.deps.pools(now);
    const conditions = evaluateAlertRules(
      {
        sources: states.map((s) => ({ name: s.source.name, ok: s.ok, error: s.error?.message ?? null })),
        // Two sources of one HAProxy process count its servers once (lib/health/same-process.ts), under one name.
        backends: countedStates(states).flatMap((s) => countedBackends(s, states)),
        flaps: this.flaps,
        pools: pools ?? [],
        responseRates: this.responseRates(now),
      },
      this.ruleSettings,
    );
    if (pools === null) conditions.push(...this.carriedPoolAlerts());
    const step = advanceAlerts(this.active, conditions, now);
    this.active = step.active;
    this.lastEvaluationMs = performance.now() - started;
    if (step.changes.length || this.unsaved.length) {
      const changes = step.changes.map((change) => ({ change, at: now }));
      this.saving = this.saving
        .then(() => this.persist(changes))
        .catch((error) => console.error('[hapscope] saving alert changes failed:', error));
    }
  }

  /** Pool alerts whose facts are unknown right now stay as they are rather than resolving. */
  private carriedPoolAlerts(): AlertCondition[] {
    return [...this.active.values()].filter((r) => r.kind === 'no-local-traefik' || r.kind === 'latency');
  }

  /**
   * Saves the changes kept from before and these, at once, then tells subscribers. A store that fails keeps them,
   * in order, for the next evaluation: episode ids are worked out on a copy, kept only once the store has them.
   */
  private async persist(changes: readonly UnsavedChange[]): Promise<void> {
    const pending = [...this.unsaved, ...changes];
    if (pending.length === 0) return;
    const episodes = new Map(this.episodes);
    const saves: AlertSave[] = [];
    for (const { change, at } of pending) {
      const { alert } = change;
      if (change.change === 'fired') episodes.set(alert.id, episodeId(alert.id, at));
      const id = episodes.get(alert.id);
      const record = withEpisodeIds(alert, episodes);
      if (change.change === 'resolved') episodes.delete(alert.id);
      if (id) saves.push({ id, record, change: change.change, notifiable: isNotifiable(change), at });
    }
    // Another process held the lock a moment ago: each try would hold up polling for the busy timeout.
    if (this.deps.store.faults.lockHeld()) return this.keep(pending);
    let events: (AlertEventDto | null)[];
    try {
      events = await this.deps.store.alerts.saveChanges(saves);
    } catch (error) {
      if (!isStoreError(error)) throw error;
      return this.keep(pending);
    }
    this.unsaved = [];
    this.episodes = episodes;
    for (const event of events) if (event) this.emit(event);
  }

  private keep(pending: readonly UnsavedChange[]): void {
    this.unsaved = pending.slice(-MAX_UNSAVED_CHANGES);
  }

  /** A change this process logged: to subscribers now, or with a shared log once the store tells of it. */
  emit(event: AlertEventDto): void {
    if (!this.deps.sharedLog) this.tell(event);
  }

  /**
   * The shared log grew to `seq` (null: the store's notices resumed after a break): what is new since the last
   * change told is read and told, in order, once each.
   */
  heard(seq: number | null): Promise<void> {
    if (seq !== null && this.toldSeq === null) this.toldSeq = seq - 1;
    this.telling = this.telling
      .then(() => this.tellStored())
      .catch((error: unknown) => {
        if (!isStoreError(error)) console.error('[hapscope] reading alert changes failed:', error);
      });
    return this.telling;
  }

  private async tellStored(): Promise<void> {
    for (;;) {
      if (this.toldSeq === null) return;
      const page = await this.deps.store.alerts.eventsAfter(this.toldSeq, 100);
      for (const event of page) {
        this.toldSeq = event.seq;
        this.tell(event);
      }
      if (page.length < 100) return;
    }
  }

  private tell(event: AlertEventDto): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[hapscope] an alert listener failed:', error);
      }
    }
  }

  firing(): AlertRecord[] {
    if (this.following) return [];
    return [...this.active.values()].filter((record) => record.state === 'firing');
  }
}

/** Group and inhibition links name rule keys inside the engine, episode ids outside it. */
function withEpisodeIds(alert: AlertRecord, episodes: ReadonlyMap<string, string>): AlertRecord {
  const episode = (key: string | null) => (key === null ? null : (episodes.get(key) ?? null));
  return { ...alert, groupId: episode(alert.groupId), inhibitedBy: episode(alert.inhibitedBy) };
}
