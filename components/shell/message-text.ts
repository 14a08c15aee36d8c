/** The API's error messages are lower-case fragments ("wrong user name or password"); a UI shows sentences. */
export function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return '';
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}
