import { expect, test } from 'vitest';
import { asSentence } from './message-text';

test.each([
  ['wrong user name or password', 'Wrong user name or password.'],
  ['too many failed sign-ins: try again in 30 s', 'Too many failed sign-ins: try again in 30 s.'],
  [
    'The sign-in took too long or was not started here; sign in again.',
    'The sign-in took too long or was not started here; sign in again.',
  ],
  ['  "admin" is the last admin ', '"admin" is the last admin.'],
  ['', ''],
])('%j reads %j', (message, sentence) => {
  expect(asSentence(message)).toBe(sentence);
});
