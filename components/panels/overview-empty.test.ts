import { expect, test } from 'vitest';
import { overviewEmpty } from './overview-empty';

const answering = { sources: 2, sourcesFailing: 1 };
const allFailing = { sources: 2, sourcesFailing: 2 };

test.each([
  ['', true, answering, 'no-problems'],
  ['  ', true, allFailing, 'no-problems'],
  ['web', true, answering, 'no-match'],
  ['web', false, answering, 'no-match'],
  ['web', false, allFailing, 'no-match'],
  ['', false, allFailing, 'no-data'],
  [' ', false, answering, 'no-backends'],
  ['', false, { sources: 1, sourcesFailing: 0 }, 'no-backends'],
] as const)('search %j, problems only %s, %o → %s', (search, problemsOnly, summary, expected) => {
  expect(overviewEmpty(search, problemsOnly, summary)).toBe(expected);
});
