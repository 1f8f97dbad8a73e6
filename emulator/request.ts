/** What handlers get to see of a request, and strict query-string checks. */
import { invalidParams } from './errors';

export interface ApiRequest {
	method: string;
	path: string;
	/** Decoded path segments, e.g. ['users', 'u1']. */
	segments: string[];
	query: URLSearchParams;
	/** The query string as sent (without '?'), kept to build `next_page_url`. */
	rawQuery: string;
	/** Parsed JSON body (POST/PATCH only). */
	body: unknown;
}

export interface QueryShape {
	/** Parameters that may appear at most once. */
	single?: readonly string[];
	/** Parameters that may repeat, e.g. `expand[]`. */
	repeated?: readonly string[];
}

/**
 * Rejects parameters the contract does not list for this endpoint, and repeats of
 * single-valued ones: the emulator must not quietly accept what Userflow might refuse.
 */
export function checkQuery(query: URLSearchParams, shape: QueryShape): void {
	const single = shape.single ?? [];
	const repeated = shape.repeated ?? [];
	const seen = new Set<string>();
	for (const key of query.keys()) {
		if (repeated.includes(key)) continue;
		if (!single.includes(key)) {
			const allowed = [...single, ...repeated];
			throw invalidParams(
				`Unknown query parameter '${key}'` + (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''),
			);
		}
		if (seen.has(key)) throw invalidParams(`Query parameter '${key}' given more than once`);
		seen.add(key);
	}
}

/** The `expand[]` values, each checked against what this endpoint can expand. */
export function parseExpand(query: URLSearchParams, allowed: readonly string[]): string[] {
	const values = query.getAll('expand[]');
	for (const value of values) {
		if (!allowed.includes(value)) {
			throw invalidParams(`expand[] '${value}' is not supported here (allowed: ${allowed.join(', ')})`);
		}
	}
	return values;
}

/** An enum-valued filter: undefined when absent, 400 when not one of `allowed`. */
export function parseEnumParam<T extends string>(
	query: URLSearchParams,
	name: string,
	allowed: readonly T[],
): T | undefined {
	const value = query.get(name);
	if (value === null) return undefined;
	if (!allowed.includes(value as T)) throw invalidParams(`${name} must be one of ${allowed.join(', ')}`);
	return value as T;
}

/** A non-empty string filter, or undefined when absent. */
export function parseStringParam(query: URLSearchParams, name: string): string | undefined {
	const value = query.get(name);
	if (value === null) return undefined;
	if (value === '') throw invalidParams(`${name} must not be empty`);
	return value;
}
