/** Times in the alert center: local clock time, with the date when not today. */
export function formatTime(value: string | number | null): string {
  if (value === null) return '–';
  const date = new Date(value);
  const sameDay = date.toDateString() === new Date().toDateString();
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return sameDay ? time : `${date.toLocaleDateString('en-CA')} ${time}`;
}
