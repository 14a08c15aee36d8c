import { describe, expect, test } from 'vitest';
import { ClaimArbiter, claimKey, type Claim } from './notify-claims';

/** Tabs joined by an in-memory channel (delivering to the others only, like BroadcastChannel), with a fake clock. */
function tabs(ids: string[], clock = { t: 1000 }) {
  const listeners = new Map<string, (claim: Claim) => void>();
  const arbiters = ids.map(
    (id) =>
      new ClaimArbiter({
        tabId: id,
        now: () => clock.t,
        sleep: () => new Promise((resolve) => setTimeout(resolve, 5)),
        windowMs: 5,
        transport: {
          post: (claim) => {
            for (const [other, listener] of listeners) if (other !== id) listener(claim);
          },
          listen: (onClaim) => {
            listeners.set(id, onClaim);
            return () => listeners.delete(id);
          },
        },
      }),
  );
  return { arbiters, clock };
}

describe('ClaimArbiter', () => {
  test('two tabs seeing the same change at once: exactly one notifies (lowest tab id)', async () => {
    const { arbiters } = tabs(['b', 'a']);
    const results = await Promise.all(arbiters.map((a) => a.decide('x|fired')));
    expect(results).toEqual([false, true]);
  });

  test('the earliest claimant wins over a lower tab id', async () => {
    const { arbiters, clock } = tabs(['b', 'a']);
    const first = arbiters[0]!.decide('x|fired');
    clock.t += 10;
    const second = arbiters[1]!.decide('x|fired');
    expect(await Promise.all([first, second])).toEqual([true, false]);
  });

  test('a tab that sees the change later (a replay) does not notify again', async () => {
    const { arbiters, clock } = tabs(['z', 'a']);
    expect(await arbiters[0]!.decide('x|fired')).toBe(true);
    clock.t += 5000;
    expect(await arbiters[1]!.decide('x|fired')).toBe(false);
  });

  test('a tab never notifies the same key twice; another change of the same alert is a new key', async () => {
    const { arbiters } = tabs(['a']);
    expect(await arbiters[0]!.decide('x|fired')).toBe(true);
    expect(await arbiters[0]!.decide('x|fired')).toBe(false);
    expect(await arbiters[0]!.decide('x|resolved')).toBe(true);
  });

  test('claimKey joins the alert id and the change', () => {
    expect(claimKey({ id: 'flapping:main/be/s1@abc', change: 'resolved' })).toBe(
      'flapping:main/be/s1@abc|resolved',
    );
  });
});
