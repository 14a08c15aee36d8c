/**
 * One OS notification per alert change across tabs, for browsers without Web Locks: every tab that sees a change
 * claims it on a BroadcastChannel, waits a moment for the others' claims, and only the earliest claimant (ties:
 * lowest tab id) notifies. A tab that sees the change late (a replay after a reconnect) finds the earlier claims.
 */
export interface Claim {
  type: 'claim';
  key: string;
  tabId: string;
  at: number;
}

export interface ClaimTransport {
  post(claim: Claim): void;
  /** Subscribes to the other tabs' claims; returns the unsubscribe. */
  listen(onClaim: (claim: Claim) => void): () => void;
}

export interface ClaimOptions {
  tabId: string;
  transport: ClaimTransport;
  /** How long to wait for the other tabs' claims before deciding. */
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Keys remembered (oldest forgotten first). */
  capacity?: number;
}

const beats = (a: Claim, b: Claim) => a.at < b.at || (a.at === b.at && a.tabId < b.tabId);

export class ClaimArbiter {
  private readonly claims = new Map<string, Claim>();
  private readonly decided = new Set<string>();
  private readonly stop: () => void;

  constructor(private readonly options: ClaimOptions) {
    this.stop = options.transport.listen((claim) => this.note(claim));
  }

  /** Whether this tab should notify `key` (an alert id + change). Each key is answered true in at most one tab. */
  async decide(key: string): Promise<boolean> {
    const { tabId, transport, windowMs = 120 } = this.options;
    if (this.decided.has(key)) return false;
    this.decided.add(key);
    const mine: Claim = { type: 'claim', key, tabId, at: (this.options.now ?? Date.now)() };
    this.note(mine);
    transport.post(mine);
    await (this.options.sleep ?? defaultSleep)(windowMs);
    return this.claims.get(key)?.tabId === tabId;
  }

  /** Keeps the winning claim per key. */
  private note(claim: Claim): void {
    const best = this.claims.get(claim.key);
    if (best && !beats(claim, best)) return;
    this.claims.delete(claim.key);
    this.claims.set(claim.key, claim);
    const capacity = this.options.capacity ?? 500;
    for (const key of this.claims.keys()) {
      if (this.claims.size <= capacity) break;
      this.claims.delete(key);
      this.decided.delete(key);
    }
  }

  close(): void {
    this.stop();
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The key the tabs agree on: which alert episode and what happened to it. */
export const claimKey = (event: { id: string; change: string }) => `${event.id}|${event.change}`;
