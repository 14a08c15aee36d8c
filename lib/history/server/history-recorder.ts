/**
 * Turns each poll into history: coverage, transitions and compact samples, one transaction per poll.
 * A sample is written when anything in it changed since the server's last written sample, or as a heartbeat at
 * least every 30 s; readers treat the last sample as holding until the next one or the end of coverage.
 */
import { detectReload, type ProcessReading } from '@/lib/health/detect-reload';
import { detectTransitions, type PreviousReading, type ServerReading } from '@/lib/health/detect-transitions';
import type { Backend, HaproxyProcessInfo, Server } from '@/lib/health/types';
import type { HistoryWriter, SampleRow } from '@/lib/store/history-writer';
import { statusCode, transitionCode } from '@/lib/store/status-codes';

export const HEARTBEAT_MS = 30_000;
/** A poll more than this many intervals after the last success starts a new coverage interval (a gap). */
const GAP_INTERVALS = 3;

export interface PollRecord {
  instance: string;
  at: number;
  ok: boolean;
  backends: readonly Backend[] | null;
  info: HaproxyProcessInfo | null;
}

interface ServerMemory {
  id: number;
  backup: boolean;
  pool: string | null;
  previous: PreviousReading;
  lastSample: SampleRow | null;
  lastWrittenAt: number;
  gone: boolean;
  seenAt: number;
}

interface InstanceMemory {
  id: number;
  coverageId: number | null;
  coverageTo: number | null;
  process: ProcessReading | null;
  /** By backend, then server name: no key string is built per server on the hot path. */
  servers: Map<string, Map<string, ServerMemory>>;
}

export class HistoryRecorder {
  private readonly instances = new Map<string, InstanceMemory>();

  constructor(
    private readonly writer: HistoryWriter,
    private readonly pollIntervalMs: number,
  ) {}

  record(poll: PollRecord): void {
    const instance = this.instanceMemory(poll.instance);
    // A failed poll closes the coverage interval: the time until the next success is "no data", never downtime.
    if (!poll.ok || !poll.backends) {
      instance.coverageId = null;
      return;
    }
    this.writer.transaction(() => this.recordSuccess(instance, poll, poll.backends!));
  }

  private recordSuccess(instance: InstanceMemory, poll: PollRecord, backends: readonly Backend[]): void {
    const { at } = poll;
    const contiguous =
      instance.coverageId !== null &&
      instance.coverageTo !== null &&
      at - instance.coverageTo <= GAP_INTERVALS * this.pollIntervalMs;
    const previousAt = instance.coverageTo;
    if (contiguous) this.writer.extendCoverage(instance.coverageId!, at);
    else instance.coverageId = this.writer.startCoverage(instance.id, at);
    instance.coverageTo = at;
    const reload = this.processReload(instance, poll);
    const context = { previousAt, at, reload, contiguous };
    for (const backend of backends) {
      for (const server of backend.servers) {
        const memory = this.serverMemory(instance, backend.name, server, at);
        const reading = toReading(server);
        const { transitions } = detectTransitions(memory.previous, reading, context);
        for (const change of transitions) this.writer.insertTransition(memory.id, change);
        if (memory.previous.status !== reading.status || memory.previous.transition !== reading.transition) {
          this.writer.updateServerState(memory.id, reading);
        }
        if (memory.backup !== server.backup || memory.pool !== server.pool) {
          this.writer.updateServerMeta(memory.id, server.backup, server.pool);
          Object.assign(memory, { backup: server.backup, pool: server.pool });
        }
        memory.previous = {
          status: reading.status,
          transition: reading.transition,
          counters: reading.counters,
        };
        this.writeSample(memory, toSampleRow(server), at, contiguous);
      }
    }
    this.markGone(instance, at);
  }

  private writeSample(memory: ServerMemory, row: SampleRow, at: number, contiguous: boolean): void {
    const due =
      !contiguous ||
      memory.gone ||
      !memory.lastSample ||
      at - memory.lastWrittenAt >= HEARTBEAT_MS ||
      sampleChanged(memory.lastSample, row);
    if (memory.gone) {
      this.writer.setGone(memory.id, null);
      memory.gone = false;
    }
    if (!due) return;
    this.writer.insertSample(memory.id, at, row);
    memory.lastSample = row;
    memory.lastWrittenAt = at;
  }

  private markGone(instance: InstanceMemory, at: number): void {
    for (const byName of instance.servers.values()) {
      for (const memory of byName.values()) {
        if (memory.seenAt === at || memory.gone) continue;
        memory.gone = true;
        this.writer.setGone(memory.id, at);
      }
    }
  }

  private processReload(instance: InstanceMemory, poll: PollRecord): boolean {
    if (!poll.info) return false;
    const current = { pid: poll.info.pid, uptimeSec: poll.info.uptimeSec, at: poll.at };
    const reload = detectReload(instance.process, current);
    if (reload) this.writer.insertReload(instance.id, poll.at, current.pid);
    instance.process = current;
    this.writer.recordProcess(instance.id, current.pid, current.uptimeSec, current.at);
    return reload;
  }

  private instanceMemory(name: string): InstanceMemory {
    let memory = this.instances.get(name);
    if (memory) return memory;
    const stored = this.writer.loadInstance(name);
    memory = {
      id: stored.id,
      coverageId: stored.coverage?.id ?? null,
      coverageTo: stored.coverage?.to ?? null,
      process: stored.process,
      servers: new Map(),
    };
    for (const server of stored.servers) {
      serversOf(memory, server.backend).set(server.name, {
        id: server.id,
        backup: server.backup,
        pool: server.pool,
        // Counters are unknown after a restart: no between-polls inference on the first poll, status only.
        previous: { ...server.last, counters: null },
        lastSample: null,
        lastWrittenAt: 0,
        gone: server.goneAt !== null,
        seenAt: 0,
      });
    }
    this.instances.set(name, memory);
    return memory;
  }

  private serverMemory(instance: InstanceMemory, backend: string, server: Server, at: number): ServerMemory {
    const byName = serversOf(instance, backend);
    let memory = byName.get(server.name);
    if (!memory) {
      const id = this.writer.insertServer(instance.id, { backend, ...server }, at, server);
      // Spread later heartbeats over the 30 s so thousands of new servers do not all heartbeat in the same poll.
      const stagger = (id % 15) * (HEARTBEAT_MS / 15);
      memory = {
        id,
        backup: server.backup,
        pool: server.pool,
        previous: { status: server.status, transition: server.transition, counters: null },
        lastSample: null,
        lastWrittenAt: at - stagger,
        gone: false,
        seenAt: at,
      };
      byName.set(server.name, memory);
    }
    memory.seenAt = at;
    return memory;
  }
}

function serversOf(instance: InstanceMemory, backend: string): Map<string, ServerMemory> {
  let byName = instance.servers.get(backend);
  if (!byName) instance.servers.set(backend, (byName = new Map()));
  return byName;
}

function toReading(server: Server): ServerReading {
  return {
    status: server.status,
    transition: server.transition,
    lastChangeSec: server.lastChangeSec,
    counters: {
      totalSessions: server.sessions.total,
      checkFailures: server.checkFailures,
      checkDowns: server.checkDowns,
      downtimeSec: server.downtimeSec,
    },
    cause: {
      checkStatus: server.check.status,
      checkCode: server.check.code,
      description: server.check.description,
    },
  };
}

function toSampleRow(server: Server): SampleRow {
  return {
    status: statusCode(server.status),
    transition: transitionCode(server.transition),
    checkDurationMs: server.check.durationMs,
    sessions: server.sessions.current,
    queue: server.queue.current,
    rate: server.sessionRate.current,
    stot: server.sessions.total,
    chkfail: server.checkFailures,
    chkdown: server.checkDowns,
    downtime: server.downtimeSec,
  };
}

/**
 * Changed = status, sessions, queue, rate or check counters differ, or the check duration moved by more than
 * 2 ms or 10 % (it jitters by a millisecond on every check; stored values stay within that of the truth).
 * stot and downtime ride along without triggering a write: deltas are taken between written samples.
 */
export function sampleChanged(last: SampleRow, next: SampleRow): boolean {
  if (
    last.status !== next.status ||
    last.transition !== next.transition ||
    last.sessions !== next.sessions ||
    last.queue !== next.queue ||
    last.rate !== next.rate ||
    last.chkfail !== next.chkfail ||
    last.chkdown !== next.chkdown
  ) {
    return true;
  }
  const [was, now] = [last.checkDurationMs, next.checkDurationMs];
  if (was === null || now === null) return was !== now;
  return Math.abs(now - was) > Math.max(2, was * 0.1);
}
