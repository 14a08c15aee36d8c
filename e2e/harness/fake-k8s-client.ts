/** A spec's side of the fake Kubernetes API's `/__fake/*` routes (fake-k8s/control.ts lists them). */
import type { FakeControl } from './fake-k8s/control';
import { E2E } from './e2e-topology';

/** Calls one `/__fake/*` route of the harness's fake; an error answer throws with its body. */
export async function fakeK8s(method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${E2E.k8s.url}/__fake/${route}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await res.json()) as unknown;
  if (!res.ok) throw new Error(`${method} /__fake/${route}: ${JSON.stringify(answer)}`);
  return answer;
}

/** The fake's pods, to find the one a spec wants to change. */
export const fakePods = async () => (await fakeK8s('GET', 'pods')) as ReturnType<FakeControl['pods']>;
