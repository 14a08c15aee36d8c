import type { Backend, Frontend, HaproxyProcessInfo } from '@/lib/health/types';

/** One successful poll of one source. */
export interface PollResult {
  backends: Backend[];
  frontends: Frontend[];
  /** null when this poll did not read process information (HTTP reads it only now and then). */
  info: HaproxyProcessInfo | null;
  bytes: number;
  /**
   * The stats CSV as read. With replicas the leader publishes it and the others parse it alike
   * (lib/collector/relayed-poll.ts): a poll's text is a few times smaller than what it parses into.
   */
  csv?: string;
}
