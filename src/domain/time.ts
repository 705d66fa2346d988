/** How a moment reads in replies and on case cards: the user's local time, with the zone named. */
import { DateTime } from 'luxon';

/** "2026-11-24 09:30" in the zone. */
export function formatDateTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** "2026-11-24 09:30 (Asia/Taipei)": what cards show for a moment. */
export function formatMoment(at: Date, zone: string): string {
  return `${formatDateTime(at, zone)} (${zone})`;
}

/** "2026-11-24" in the zone. */
export function formatDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd');
}
