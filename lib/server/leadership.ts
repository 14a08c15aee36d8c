import 'server-only';
/**
 * Which replica polls. Every replica serves pages, the API and streams; exactly one leads: it polls HAProxy,
 * records history, evaluates alerts and runs the store's maintenance, and publishes each poll it makes. The others
 * follow: they take each published poll as if they had made it (Collector.followPoll), so their snapshots, change
 * logs, pools and badges are the leader's, under the leader's generations. Alert changes reach every replica's
 * streams from the store's shared log, in its order (AlertEngine.heard).
 *
 * The lead is the store's (StoreCoordination): a PostgreSQL session advisory lock. Every tick (a fifth of the
 * lease, at most a second) a follower tries to take it and the leader confirms it still holds it; a leader that
 * cannot confirm it steps down. A leader killed outright loses the lock when its connection closes, and the next
 * follower to try takes over: within a tick, and its first poll starts at once. With SQLite the process always
 * leads and nothing is published.
 */
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { AlertEngine } from '@/lib/alerts/server/alert-engine';
import type { Collector } from '@/lib/collector/collector';
import { parseRelayedPoll, relayedPoll } from '@/lib/collector/relayed-poll';
import type { Recording } from '@/lib/history/server/attach-recorder';
import { isStoreError } from '@/lib/problems/store-fault';
import type { CoordinationNotice, StoreCoordination } from '@/lib/store';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type ReplicaRole = 'leader' | 'follower';

export interface LeadershipParts {
  coordination: StoreCoordination;
  collector: Collector;
  recording: Pick<Recording, 'forget'>;
  alerts: AlertEngine | null;
  pollIntervalMs: number;
  leaseMs: number;
  now: () => number;
}

export class Leadership {
  private role: ReplicaRole = 'follower';
  private roleSince: number;
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private stopped = false;
  /** Published polls are read one batch after the other, and published one after the other. */
  private following: Promise<void> = Promise.resolve();
  private publishing: Promise<void> = Promise.resolve();
  private publishFailed = false;
  /** When this replica last took a poll from the leader (or started following). */
  private lastFollowedAt: number;
  /** The last published poll of a source this replica does not have (its HAPROXY_STATS_URL differs). */
  private unknownSource: string | null = null;
  private readonly unlisten: () => void;
  /** Times this process took the lead, for /metrics. */
  takeovers = 0;

  constructor(private readonly parts: LeadershipParts) {
    this.roleSince = parts.now();
    this.lastFollowedAt = parts.now();
    this.unlisten = parts.coordination.listen((notice) => this.heard(notice));
    parts.collector.onPoll((event) => {
      if (event.relayed || !parts.coordination.shared || !parts.collector.leading) return;
      const { collector } = parts;
      const { generation, term } = collector;
      const json = JSON.stringify(relayedPoll(event.state, event.result, event.at, term, generation));
      this.publish(generation, json);
    });
  }

  /** Whether this process leads (polls) or follows, and since when (epoch ms). */
  status(): { role: ReplicaRole; since: number; shared: boolean } {
    return { role: this.role, since: this.roleSince, shared: this.parts.coordination.shared };
  }

  /**
   * The fault an operator must act on: this replica follows and nobody has published a poll for two intervals
   * plus the lease (no replica leads, or the leader cannot publish). Null while all is well.
   */
  problem(): string | null {
    if (this.role === 'leader' || !this.parts.coordination.shared) return null;
    const { pollIntervalMs, leaseMs, now } = this.parts;
    const silentMs = now() - this.lastFollowedAt;
    if (silentMs <= 2 * pollIntervalMs + leaseMs) return null;
    if (this.unknownSource !== null) {
      return (
        `Replicas: the leader polls source "${this.unknownSource}", which this replica does not have — every ` +
        'replica on one DATABASE_URL needs the same HAPROXY_STATS_URL; the dashboard here is not updated'
      );
    }
    return (
      `Replicas: this replica follows, and no replica has published a poll for ${Math.round(silentMs / 1000)} s — ` +
      'the dashboard here is not updated (check the other replicas and the database; a replica leads once it ' +
      'holds the database lock)'
    );
  }

  /** Leads at once when the store is this process's own; otherwise starts trying. */
  start(): void {
    if (!this.parts.coordination.shared) {
      this.role = 'leader';
      this.parts.collector.start();
      return;
    }
    this.parts.alerts?.follow();
    const tickMs = Math.min(1_000, Math.max(100, Math.floor(this.parts.leaseMs / 5)));
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
    void this.tick();
  }

  /** Stops polling and gives the lead up, for another replica to take at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unlisten();
    this.parts.collector.pause();
    await this.publishing;
    await this.parts.coordination.releaseLead().catch(() => {});
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      if (this.role === 'leader') {
        if (!(await this.parts.coordination.confirmLead())) this.stepDown();
      } else if (await this.parts.coordination.tryLead()) {
        await this.takeOver();
      }
    } catch (error) {
      // The database cannot be reached: the store's own faults say so; a leader that cannot confirm steps down.
      if (!isStoreError(error)) console.error('[hapscope] leader election failed:', error);
      if (this.role === 'leader') this.stepDown();
    } finally {
      this.ticking = false;
    }
  }

  /** Takes what the last leader published and not taken yet, then polls on from its last generation. */
  private async takeOver(): Promise<void> {
    const { coordination, collector, recording, alerts } = this.parts;
    this.follow();
    await this.following;
    const after = await coordination.lastPublished();
    if (this.stopped) return;
    recording.forget();
    alerts?.lead();
    this.takeovers++;
    this.become('leader');
    collector.lead(randomBytes(6).toString('base64url'), after);
  }

  private stepDown(): void {
    this.parts.collector.pause();
    this.parts.alerts?.follow();
    this.become('follower');
    this.lastFollowedAt = this.parts.now();
  }

  private become(role: ReplicaRole): void {
    if (role === this.role) return;
    if (this.parts.coordination.shared) {
      console.log(
        `[hapscope] this replica ${role === 'leader' ? 'leads: it polls now' : 'follows the leader now'}`,
      );
    }
    this.role = role;
    this.roleSince = this.parts.now();
  }

  private heard(notice: CoordinationNotice): void {
    if (notice.kind === 'alert-event') void this.parts.alerts?.heard(notice.seq);
    else if (notice.kind === 'connected') {
      void this.parts.alerts?.heard(null);
      this.follow();
    } else if (this.role === 'follower') this.follow();
  }

  /** Reads the polls published since the last taken and takes them, in order. */
  private follow(): void {
    this.following = this.following.then(async () => {
      if (this.role === 'leader') return;
      const { coordination, collector } = this.parts;
      try {
        for (const record of await coordination.pollsAfter(collector.generation)) {
          const poll = await gunzipAsync(record.body).then(
            (json) => parseRelayedPoll(json.toString('utf8')),
            () => null,
          );
          // One this process cannot read (damaged, another version's) is skipped: the next poll has it all again.
          if (poll && collector.followPoll(poll)) {
            this.lastFollowedAt = this.parts.now();
            this.unknownSource = null;
          } else if (poll && !collector.states.some((state) => state.source.name === poll.source)) {
            this.unknownSource = poll.source;
          }
        }
      } catch (error) {
        if (!isStoreError(error)) console.error('[hapscope] following the leader failed:', error);
      }
    });
  }

  /** Gzipped off the event loop (6 MB of CSV at 20,000 servers: 0.8 MB), published in poll order. */
  private publish(generation: number, json: string): void {
    const body = gzipAsync(json, { level: 1 });
    this.publishing = this.publishing
      .then(async () => this.parts.coordination.publishPoll({ generation, body: await body }))
      .then(
        () => {
          this.publishFailed = false;
        },
        (error: unknown) => {
          // Once per outage: the store's faults say the rest.
          if (!this.publishFailed && !isStoreError(error))
            console.error('[hapscope] publishing a poll failed:', error);
          this.publishFailed = true;
        },
      );
  }
}
