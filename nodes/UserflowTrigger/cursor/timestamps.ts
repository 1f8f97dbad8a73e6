import { parseIsoText } from '../../Userflow/shared/time/isoInstant';

/**
 * Which timestamps the cursor may build on. A record stamped with something that is not a
 * timestamp (`garbage`, `2024-02-30T...`), or stamped more than FUTURE_SKEW_MS ahead of this
 * machine's clock (year 9999), must never become the watermark: every later record would
 * look older than it and never be emitted again. Such records are handled by id instead
 * (see `odd` in the cursor state).
 */
export const FUTURE_SKEW_MS = 10 * 60_000;

/** Epoch ms of a usable timestamp, or undefined. */
export function usableInstant(value: unknown, now: number): number | undefined {
	if (typeof value !== 'string') return undefined;
	const parsed = parseIsoText(value, { requireZone: true });
	if (!parsed || 'problem' in parsed) return undefined;
	return parsed.ms > now + FUTURE_SKEW_MS ? undefined : parsed.ms;
}

/** Compares two usable timestamps by instant (Userflow may answer other offsets than +00:00). */
export function compareInstants(a: string, b: string): number {
	const left = parseIsoText(a, { requireZone: true });
	const right = parseIsoText(b, { requireZone: true });
	if (!left || !right || 'problem' in left || 'problem' in right) {
		throw new Error(`The cursor compared a timestamp that is not one ('${a}', '${b}')`);
	}
	return left.ms - right.ms;
}
