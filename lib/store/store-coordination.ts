/**
 * Several processes on one store: which of them leads (polls, records, evaluates alerts, runs maintenance) and
 * what the leader tells the others. On PostgreSQL (postgres-coordination.ts) any number of replicas share the
 * database: the leader holds a session advisory lock, publishes each poll it makes, and every replica hears of
 * each poll and each alert change as it commits. SQLite's file belongs to one process, which always leads
 * (`localCoordination`).
 */

/** LEADER_LEASE_MS's default (lib/config). */
export const DEFAULT_LEASE_MS = 5_000;

/** A poll the leader made, as it published it: its generation (one per poll, in order) and its body (opaque). */
export interface RelayedRecord {
  generation: number;
  body: Uint8Array;
}

/** What a replica hears: a poll published, an alert change logged, or its listening session (re)connected. */
export type CoordinationNotice =
  { kind: 'poll'; generation: number } | { kind: 'alert-event'; seq: number } | { kind: 'connected' };

export interface StoreCoordination {
  /** Whether other processes may share the store; false: this process always leads, and nothing is relayed. */
  readonly shared: boolean;
  /**
   * Takes the lead when no other process holds it; resolves whether this process leads now. Rejects (a
   * StoreError) while the database cannot be reached: then this process does not lead.
   */
  tryLead(): Promise<boolean>;
  /** Checks with the database that the lead is still held; false once it is lost (the session ended or hangs). */
  confirmLead(): Promise<boolean>;
  /** Gives the lead up, for another process to take at once (at shutdown). */
  releaseLead(): Promise<void>;
  /** The leader's poll, for the other processes; the latest few are kept for them to read. */
  publishPoll(record: RelayedRecord): Promise<void>;
  /** The polls published after `generation` that are still kept, oldest first. */
  pollsAfter(generation: number): Promise<RelayedRecord[]>;
  /** The newest generation published (0 when none is kept). */
  lastPublished(): Promise<number>;
  /** Notices as they come; returns the unsubscribe. Listening starts with the first tryLead. */
  listen(listener: (notice: CoordinationNotice) => void): () => void;
  close(): Promise<void>;
}

/** One process on a store of its own: it leads from the start, and tells no one. */
export const localCoordination: StoreCoordination = {
  shared: false,
  tryLead: async () => true,
  confirmLead: async () => true,
  releaseLead: async () => {},
  publishPoll: async () => {},
  pollsAfter: async () => [],
  lastPublished: async () => 0,
  listen: () => () => {},
  close: async () => {},
};
