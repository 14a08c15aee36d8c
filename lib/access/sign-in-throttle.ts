/**
 * Sign-in throttling: failed attempts are counted per user name and per client address over a sliding window;
 * past a limit that key must wait until its oldest failure leaves the window. A wrong password and an unknown
 * user count alike (no user enumeration). Pure: `now` is a parameter; memory is bounded.
 */
export interface ThrottleLimits {
  windowMs: number;
  perUser: number;
  perAddress: number;
}

/** 5 tries per user and 30 per address in 15 minutes: a person mistyping is never stopped, a guesser is. */
export const SIGN_IN_LIMITS: ThrottleLimits = { windowMs: 15 * 60_000, perUser: 5, perAddress: 30 };

const MAX_KEYS = 10_000;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: ThrottleLimits = SIGN_IN_LIMITS) {}

  /** Milliseconds to wait before this user may try again from this address; 0: go ahead. */
  waitMs(user: string, address: string, now: number): number {
    return Math.max(
      this.wait(`u:${user.toLowerCase()}`, this.limits.perUser, now),
      this.wait(`a:${address}`, this.limits.perAddress, now),
    );
  }

  recordFailure(user: string, address: string, now: number): void {
    for (const key of [`u:${user.toLowerCase()}`, `a:${address}`]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.delete(key); // re-insert: the map's order is least recently failed first
      this.failures.set(key, times);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A success forgets the user's failures (not the address's: one good password must not unlock guessing). */
  recordSuccess(user: string): void {
    this.failures.delete(`u:${user.toLowerCase()}`);
  }

  private wait(key: string, limit: number, now: number): number {
    const times = this.recent(key, now);
    if (times.length < limit) return 0;
    return times[times.length - limit]! + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.limits.windowMs);
  }
}
