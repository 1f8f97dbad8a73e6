/** Userflow's timestamp format and ISO 8601 checks. */

/** Formats epoch ms the way Userflow answers: `2022-11-29T12:34:56.000+00:00`. */
export function formatTimestamp(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '+00:00');
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** True for an ISO 8601 date or date-time with an explicit zone (what Userflow accepts as a datetime). */
export function isIsoDateTime(value: unknown): value is string {
	return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

const parsed = new Map<string, number>();

/**
 * Epoch ms of a stored timestamp. Memoised because list ordering compares the same
 * strings on every request, and lists of 20,000 records must stay cheap to serve.
 */
export function timestampMs(value: string): number {
	let ms = parsed.get(value);
	if (ms === undefined) {
		ms = Date.parse(value);
		if (Number.isNaN(ms)) throw new Error(`Stored timestamp '${value}' is not a date`);
		if (parsed.size > 200_000) parsed.clear();
		parsed.set(value, ms);
	}
	return ms;
}

/** Accepts a Date, epoch ms or ISO string and returns Userflow's format. */
export function toTimestamp(value: Date | number | string): string {
	if (value instanceof Date) return formatTimestamp(value.getTime());
	if (typeof value === 'number') return formatTimestamp(value);
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) throw new Error(`'${value}' is not a date`);
	return formatTimestamp(ms);
}
