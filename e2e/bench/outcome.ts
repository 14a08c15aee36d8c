/** What a bench tells `npm run bench` beside the figures it prints. A bench that returns nothing simply ran. */
export interface BenchOutcome {
  /** Reference figures of others (HAProxy's own page…) that did not finish in their bounded wait: "> 60 s". */
  anchorTimeouts?: string[];
  /** Figures that say hapscope misbehaved (request errors, late polls): the run exits non-zero. */
  failures?: string[];
}

/** "> 60 s": how a bounded wait that ran out is printed. */
export const moreThan = (ms: number) => `> ${ms / 1000} s`;
