/**
 * Turns each poll into history: coverage, transitions and compact samples of every server and of every backend's
 * own row, handed to the store as one poll's writes (poll-journal.ts), which it writes in one transaction. A
 * sample is written when anything in it changed since the last written one (sample-rows.ts), or as a heartbeat at
 * least every 30 s; readers treat the last sample as holding until the next one or the end of coverage.
 */
import { detectReload, type ProcessReading } from '@/lib/health/detect-reload';
import { detectTransitions, type PreviousReading, type ServerReading } from '@/lib/health/detect-transitions';
import type { Backend, HaproxyProcessInfo, Server } from '@/lib/health/types';
import type { BackendSampleRow, HistoryRecording, SampleRow } from '@/lib/store';
import { PollJournal } from './poll-journal';
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

/**
 * One recorder per connection of the store: it remembers stored ids. Polls are recorded one at a time (the caller
 * awaits each); after a failed write its memory is unlike the store's, so the caller makes a new one.
 */
export class HistoryRecorder {
  private readonly instances = new Map<string, InstanceMemory>();

  constructor(
    private readonly store: Pick<HistoryRecording, 'loadInstance' | 'writePoll'>,
    private readonly pollIntervalMs: number,
  ) {}

  async record(poll: PollRecord): Promise<void> {
    const instance = await this.instanceMemory(poll.instance);
    // A failed poll closes the coverage interval: the time until the next success is "no data", never downtime.
    if (!poll.ok || !poll.backends) {
      instance.coverageId = null;
      return;
    }
    const writer = new PollJournal();
    this.recordSuccess(writer, instance, poll, poll.backends);
    writer.stored(await this.store.writePoll(writer.writes));
  }

  private recordSuccess(
    writer: PollJournal,
    instance: InstanceMemory,
    poll: PollRecord,
    backends: readonly Backend[],
  ): void {
    const { at } = poll;
    const contiguous =
      instance.coverageId !== null &&
      instance.coverageTo !== null &&
      at - instance.coverageTo <= GAP_INTERVALS * this.pollIntervalMs;
    const previousAt = instance.coverageTo;
    if (contiguous) writer.extendCoverage(instance.coverageId!, at);
    else instance.coverageId = writer.startCoverage(instance.id, at, (id) => (instance.coverageId = id));
    instance.coverageTo = at;
    const reload = this.processReload(writer, instance, poll);
    const context = { previousAt, at, reload, contiguous };
    for (const backend of backends) {
      const backendMemory = this.backendMemory(writer, instance, backend.name, at);
      this.writeBackendSample(writer, backendMemory, backend, at, contiguous);
      for (const server of backend.servers) {
        const memory = this.serverMemory(writer, instance, backend.name, server, at);
        const reading = toReading(server);
        const { transitions } = detectTransitions(memory.previous, reading, context);
        for (const change of transitions) writer.insertTransition(memory.id, change);
        if (memory.previous.status !== reading.status || memory.previous.transition !== reading.transition) {
          writer.updateServerState(memory.id, reading);
        }
        if (memory.backup !== server.backup || memory.pool !== server.pool) {
          writer.updateServerMeta(memory.id, server.backup, server.pool);
          Object.assign(memory, { backup: server.backup, pool: server.pool });
        }
        memory.previous = {
          status: reading.status,
          transition: reading.transition,
          counters: reading.counters,
        };
        this.writeSample(writer, memory, toSampleRow(server), at, contiguous);
      }
    }
    this.markGone(writer, instance, at);
  }

  private writeSample(
    writer: PollJournal,
    memory: ServerMemory,
    row: SampleRow,
    at: number,
    contiguous: boolean,
  ): void {
    const last = memory.lastSample;
    const due = last === null || mustWrite(memory, at, contiguous) || sampleChanged(last, row);
    if (memory.gone) {
      writer.setGone(memory.id, null);
      memory.gone = false;
    }
    if (!due) return;
    writer.insertSample(memory.id, at, row);
    memory.lastSample = row;
    memory.lastWrittenAt = at;
  }

  private writeBackendSample(
    writer: PollJournal,
    memory: BackendMemory,
    backend: Backend,
    at: number,
    contiguous: boolean,
  ): void {
    const row = toBackendSampleRow(backend);
    const last = memory.lastSample;
    const due = last === null || mustWrite(memory, at, contiguous) || backendSampleChanged(last, row);
    if (memory.gone) {
      writer.setBackendGone(memory.id, null);
      memory.gone = false;
    }
    if (!due) return;
    writer.insertBackendSample(memory.id, at, row);
    memory.lastSample = row;
    memory.lastWrittenAt = at;
  }

  private markGone(writer: PollJournal, instance: InstanceMemory, at: number): void {
    for (const byName of instance.servers.values()) {
      for (const memory of byName.values()) {
        if (memory.seenAt === at || memory.gone) continue;
        memory.gone = true;
        writer.setGone(memory.id, at);
      }
    }
    for (const memory of instance.backends.values()) {
      if (memory.seenAt === at || memory.gone) continue;
      memory.gone = true;
      writer.setBackendGone(memory.id, at);
    }
  }

  private processReload(writer: PollJournal, instance: InstanceMemory, poll: PollRecord): boolean {
    if (!poll.info) return false;
    const current = { pid: poll.info.pid, uptimeSec: poll.info.uptimeSec, at: poll.at };
    const reload = detectReload(instance.process, current);
    if (reload) writer.insertReload(instance.id, poll.at, current.pid);
    instance.process = current;
    writer.recordProcess(instance.id, current.pid, current.uptimeSec, current.at);
    return reload;
  }

  private async instanceMemory(name: string): Promise<InstanceMemory> {
    let memory = this.instances.get(name);
    if (memory) return memory;
    const stored = await this.store.loadInstance(name);
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

  private backendMemory(
    writer: PollJournal,
    instance: InstanceMemory,
    name: string,
    at: number,
  ): BackendMemory {
    let memory = instance.backends.get(name);
    if (!memory) {
      // Its first sample is written in this poll (there is none before it).
      const created: BackendMemory = { id: 0, lastSample: null, lastWrittenAt: at, gone: false, seenAt: at };
      created.id = writer.insertBackend(instance.id, name, at, (id) => (created.id = id));
      instance.backends.set(name, (memory = created));
    }
    memory.seenAt = at;
    return memory;
  }

  private serverMemory(
    writer: PollJournal,
    instance: InstanceMemory,
    backend: string,
    server: Server,
    at: number,
  ): ServerMemory {
    const byName = serversOf(instance, backend);
    let memory = byName.get(server.name);
    if (!memory) {
      // Its first sample is written in this poll (there is none before it).
      const created: ServerMemory = {
        id: 0,
        backup: server.backup,
        pool: server.pool,
        previous: { status: server.status, transition: server.transition, counters: null },
        lastSample: null,
        lastWrittenAt: at,
        gone: false,
        seenAt: at,
      };
      created.id = writer.insertServer(
        instance.id,
        { backend, ...server },
        at,
        server,
        (id) => (created.id = id),
      );
      byName.set(server.name, (memory = created));
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
