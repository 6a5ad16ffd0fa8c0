/** Calendar days in the configured time zone, as UTC instants. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The UTC instant of a wall-clock time in a zone; twice refined so DST edges come out right. */
export function zonedTime(day: string, time: string, timeZone: string): Date {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a date (YYYY-MM-DD): ${day}`);
  const [hours, minutes] = time.split(":").map(Number);
  const wall = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    hours ?? 0,
    minutes ?? 0,
  );
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** [start, end) of a calendar day in the zone. */
export function dayWindow(day: string, timeZone: string): { start: Date; end: Date } {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return { start: zonedTime(day, "00:00", timeZone), end: zonedTime(next, "00:00", timeZone) };
}

/** The calendar day an instant falls on in the zone, as YYYY-MM-DD. */
export function dayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/**
 * A day of the calendar as YYYY-MM-DD: 2026-02-30 is not one (Date.parse would roll it over to
 * March), and the year stops at 9998 so that the day after it can still be written.
 */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  const year = date.getUTCFullYear();
  return date.toISOString().slice(0, 10) === text && year >= 1 && year <= 9998;
}

/** The day before the one an instant falls on, in the zone: what a morning digest covers. */
export function previousDay(instant: Date, timeZone: string): string {
  const midnight = zonedTime(dayOf(instant, timeZone), "00:00", timeZone);
  return dayOf(new Date(midnight.getTime() - 1), timeZone);
}
