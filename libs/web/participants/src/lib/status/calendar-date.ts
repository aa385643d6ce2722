/**
 * Today's calendar date (YYYY-MM-DD) in a time zone: the signed-in person's, so a late-evening
 * entry is not dated tomorrow. Falls back to the browser's zone when none is known.
 */
export function todayIn(timeZone?: string | null, now = new Date()): string {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
}
