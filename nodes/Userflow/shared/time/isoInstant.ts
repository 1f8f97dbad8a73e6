/**
 * ISO 8601 texts read exactly: from their parts, in UTC (never the machine's time zone), and
 * never rolled over (`2024-02-30` is not 1 March, `24:00` is not the next day), unlike
 * `Date.parse`. Shared by the attribute values the node sends and the timestamps the
 * trigger reads.
 */

/** ISO 8601 date or date-time; a space may stand for the `T`; the zone is optional. */
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/i;

/** The largest distance from 1970 a JavaScript date can have. */
export const MAX_DATE_MS = 8.64e15;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface IsoParseOptions {
	/** Refuse texts without a time and a zone (timestamps Userflow sends always have both). */
	requireZone?: boolean;
}

/**
 * Milliseconds of an ISO 8601 text (a missing zone means UTC), or the reason it names no
 * real instant; undefined when it is not ISO 8601 at all.
 */
export function parseIsoText(text: string, options: IsoParseOptions = {}): { ms: number } | { problem: string } | undefined {
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, sec, fraction, zone, sign, zoneHours, zoneMinutes] = match;
	if (options.requireZone && !zone) return undefined;
	const [year, month, day] = [Number(y), Number(mo), Number(d)];
	const [hours, minutes, seconds] = [Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0)];
	if (month < 1 || month > 12) return { problem: `month ${mo} does not exist` };
	if (day < 1 || day > daysInMonth(year, month)) {
		return { problem: `${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days` };
	}
	if (hours > 23) return { problem: 'hours go from 00 to 23' };
	if (minutes > 59 || seconds > 59) return { problem: 'minutes and seconds go from 00 to 59' };
	let offsetMinutes = 0;
	if (zone && zone.toUpperCase() !== 'Z') {
		if (Number(zoneHours) > 23 || Number(zoneMinutes) > 59) return { problem: `the time zone offset ${zone} does not exist` };
		offsetMinutes = (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes));
	}
	const date = new Date(0);
	// setUTCFullYear, not Date.UTC: the latter reads years 0-99 as 1900-1999.
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hours, minutes, seconds, Number((fraction ?? '0').padEnd(3, '0').slice(0, 3)));
	return { ms: date.getTime() - offsetMinutes * 60_000 };
}
