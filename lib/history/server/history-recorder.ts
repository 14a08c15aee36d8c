/**
 * Turns each poll into history: coverage, transitions and compact samples of every server and of every backend's
 * own row, one transaction per poll. A sample is written when anything in it changed since the last written one
 * (sample-rows.ts), or as a heartbeat at least every 30 s; readers treat the last sample as holding until the
 * next one or the end of coverage.
 */
import { detectReload, type ProcessReading } from '@/lib/health/detect-reload';
import { detectTransitions, type PreviousReading, type ServerReading } from '@/lib/health/detect-transitions';
import type { Backend, HaproxyProcessInfo, Server } from '@/lib/health/types';
import type { BackendSampleRow, HistoryWriter, SampleRow } from '@/lib/store/history-writer';
import { backendSampleChanged, sampleChanged, toBackendSampleRow, toSampleRow } from './sample-rows';

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

/** What a series (a server's, a backend's) remembers between polls. */
interface SeriesMemory<Row> {
  id: number;
  lastSample: Row | null;
  lastWrittenAt: number;
  gone: boolean;
  seenAt: number;
}

interface ServerMemory extends SeriesMemory<SampleRow> {
  backup: boolean;
  pool: string | null;
  previous: PreviousReading;
}

type BackendMemory = SeriesMemory<BackendSampleRow>;

interface InstanceMemory {
  id: number;
  coverageId: number | null;
  coverageTo: number | null;
  process: ProcessReading | null;
  /** By backend, then server name: no key string is built per server on the hot path. */
  servers: Map<string, Map<string, ServerMemory>>;
  backends: Map<string, BackendMemory>;
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
      this.writeBackendSample(this.backendMemory(instance, backend.name, at), backend, at, contiguous);
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
    const last = memory.lastSample;
    const due = last === null || mustWrite(memory, at, contiguous) || sampleChanged(last, row);
    if (memory.gone) {
      this.writer.setGone(memory.id, null);
      memory.gone = false;
    }
    if (!due) return;
    this.writer.insertSample(memory.id, at, row);
    memory.lastSample = row;
    memory.lastWrittenAt = at;
  }

  private writeBackendSample(memory: BackendMemory, backend: Backend, at: number, contiguous: boolean): void {
    const row = toBackendSampleRow(backend);
    const last = memory.lastSample;
    const due = last === null || mustWrite(memory, at, contiguous) || backendSampleChanged(last, row);
    if (memory.gone) {
      this.writer.setBackendGone(memory.id, null);
      memory.gone = false;
    }
    if (!due) return;
    this.writer.insertBackendSample(memory.id, at, row);
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
    for (const memory of instance.backends.values()) {
      if (memory.seenAt === at || memory.gone) continue;
      memory.gone = true;
      this.writer.setBackendGone(memory.id, at);
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
      backends: new Map(),
    };
    for (const backend of stored.backends) {
      memory.backends.set(backend.name, {
        id: backend.id,
        lastSample: null,
        lastWrittenAt: 0,
        gone: backend.goneAt !== null,
        seenAt: 0,
      });
    }
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

  private backendMemory(instance: InstanceMemory, name: string, at: number): BackendMemory {
    let memory = instance.backends.get(name);
    if (!memory) {
      const id = this.writer.insertBackend(instance.id, name, at);
      // Heartbeats spread over the 30 s, as servers' are.
      const stagger = (id % 15) * (HEARTBEAT_MS / 15);
      memory = { id, lastSample: null, lastWrittenAt: at - stagger, gone: false, seenAt: at };
      instance.backends.set(name, memory);
    }
    memory.seenAt = at;
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

/** A gap in coverage, a return after being gone, or the heartbeat: written whether or not anything changed. */
function mustWrite(memory: SeriesMemory<unknown>, at: number, contiguous: boolean): boolean {
  return !contiguous || memory.gone || at - memory.lastWrittenAt >= HEARTBEAT_MS;
}
