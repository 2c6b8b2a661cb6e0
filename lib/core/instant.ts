import { detached } from './xml/detached';

// xs:dateTime's lexical form (XML Schema Part 2 §3.2.7), its time zone optional.
// Year, month and day are captured for dayExists.
const DATE_TIME = /^((-?\d{4,})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A SAML time as an instant; undefined when absent or not an xs:dateTime. A time without a zone is read as UTC:
 * saml-core §1.3.3 says SAML times are in UTC, and JavaScript would read it in the local zone, so the same
 * capture would be judged an hour or eight apart on two machines. Other shapes (`Dec 5 2026 10:00`) are not
 * guessed at either: the schema check names them. Imports only detached.ts, which imports nothing: the input
 * readers, the flows and the profiles all read times.
 */
export function parseInstant(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  // The rules and flows read the same few times of a message again and again (each read was 0.7 µs).
  let t = read.get(value);
  if (t === undefined) {
    t = millis(value);
    if (value.length <= 64) {
      if (read.size >= 256) read.clear();
      // A copy: the message's own text of it would keep the whole message alive.
      read.set(detached(value), t);
    }
  }
  // A Date of its own for each caller: a Date can be changed.
  return Number.isNaN(t) ? undefined : new Date(t);
}

const read = new Map<string, number>();

function millis(value: string): number {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return NaN;
  const t = new Date(m[5] ? m[0] : `${m[1]}Z`).getTime();
  return dayExists(Number(m[2]), Number(m[3]), Number(m[4])) ? t : NaN;
}

/**
 * JavaScript rolls a day the month does not have over into the next month (February 30 reads as March 2);
 * XML Schema has no such date, and SPs' parsers refuse it, so it is no instant here either (`schema-invalid` names it).
 */
function dayExists(year: number, month: number, day: number): boolean {
  // The proleptic Gregorian calendar of XML Schema: every 4th year leaps, but not centuries unless divisible by 400.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}
