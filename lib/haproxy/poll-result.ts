import type { Backend, Frontend, HaproxyProcessInfo } from '@/lib/health/types';

/** One successful poll of one source. */
export interface PollResult {
  backends: Backend[];
  frontends: Frontend[];
  /** null when this poll did not read process information (HTTP reads it only now and then). */
  info: HaproxyProcessInfo | null;
  bytes: number;
}
