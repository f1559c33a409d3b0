/**
 * HTTP-date (RFC 9110 §5.6.7) in its three forms, all GMT:
 *   IMF-fixdate  `Sun, 06 Nov 1994 08:49:37 GMT`
 *   RFC 850      `Sunday, 06-Nov-94 08:49:37 GMT`
 *   asctime      `Sun Nov  6 08:49:37 1994`
 * Anything else, including what `Date.parse` would guess at (local times, offsets, ISO 8601), is not one.
 */

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = `(${MONTHS.join("|")})`;
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";

const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} (\\d{2}| \\d) ${TIME} (\\d{4})$`);

/** Milliseconds since the epoch of an HTTP-date, or undefined when `value` is not one. */
export function parseHttpDate(value: string, now: number = Date.now()): number | undefined {
  let m = IMF_FIXDATE.exec(value);
  if (m !== null) return utc(Number(m[3]), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = RFC_850.exec(value);
  if (m !== null) return utc(fullYear(Number(m[3]), now), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = ASCTIME.exec(value);
  if (m !== null) return utc(Number(m[6]), m[1]!, m[2]!, m[3]!, m[4]!, m[5]!);
  return undefined;
}

/**
 * A two-digit year is the one in this century, unless that is more than 50 years ahead: then the
 * most recent past year with those digits (RFC 9110 §5.6.7).
 */
function fullYear(twoDigits: number, now: number): number {
  const current = new Date(now).getUTCFullYear();
  const year = current - (current % 100) + twoDigits;
  return year > current + 50 ? year - 100 : year;
}

function utc(year: number, month: string, day: string, hour: string, minute: string, second: string): number | undefined {
  const [d, h, min, s] = [day, hour, minute, second].map((v) => Number(v.trim())) as [number, number, number, number];
  const midnight = Date.UTC(year, MONTHS.indexOf(month), d);
  // A day that its month does not have (31 Feb) is not a date; 60 seconds is a leap second.
  if (new Date(midnight).getUTCDate() !== d || h > 23 || min > 59 || s > 60) return undefined;
  return midnight + ((h * 60 + min) * 60 + s) * 1000;
}
