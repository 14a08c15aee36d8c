/** Times in the alert center: local clock time, with the date when not today. */
export function formatTime(value: string | number | null): string {
  if (value === null) return '–';
  const date = new Date(value);
  const sameDay = date.toDateString() === new Date().toDateString();
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return sameDay ? time : `${date.toLocaleDateString('en-CA')} ${time}`;
}

export const ACK_NAME_KEY = 'hapscope-ack-name';

/** The name acknowledgements are signed with (set in the alert center), or null. */
export function ackName(): string | null {
  try {
    return localStorage.getItem(ACK_NAME_KEY)?.trim() || null;
  } catch {
    return null;
  }
}
