import { expect, test } from 'vitest';
import { summarizeK8sError } from './k8s-error-summary';

test.each([
  [null, 'unknown error'],
  ['connection refused', 'connection refused'],
  [
    'cannot reach X: ECONNREFUSED (list nodes); cannot reach X: ECONNREFUSED (list pods); forbidden (list services)',
    'cannot reach X: ECONNREFUSED (list nodes, list pods); forbidden (list services)',
  ],
])('%s → %s', (error, summary) => {
  expect(summarizeK8sError(error)).toBe(summary);
});
