/**
 * n8n's HTTP client (axios) deep-merges an object body into its request config and skips
 * the keys `__proto__`, `constructor` and `prototype` while doing so (its guard against
 * prototype pollution): an attribute with one of those names would vanish from the request
 * while the item reports success. A body holding such a key is therefore handed over as
 * JSON text, which the client sends byte for byte; every other body stays an object.
 */
const KEYS_THE_CLIENT_DROPS = new Set(['__proto__', 'constructor', 'prototype']);

function holdsDroppedKey(value: unknown, depth = 0): boolean {
	if (depth > 20 || typeof value !== 'object' || value === null) return false;
	if (Array.isArray(value)) return value.some((entry) => holdsDroppedKey(entry, depth + 1));
	return Object.keys(value).some((key) => KEYS_THE_CLIENT_DROPS.has(key) || holdsDroppedKey((value as Record<string, unknown>)[key], depth + 1));
}

export function bodyForTransport<T>(body: T): T | string {
	return holdsDroppedKey(body) ? JSON.stringify(body) : body;
}
