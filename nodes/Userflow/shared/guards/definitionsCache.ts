import { createHash } from 'node:crypto';

/**
 * One definitions lookup per execution, not per item: n8n starts every item of a
 * declarative node at once, so the first item's lookup is stored as a promise that the
 * others await. Keyed by execution, what is looked up and a hash of the credential (never
 * the key itself), and dropped after a while so a long-lived worker does not grow.
 */
const MAX_AGE_MS = 10 * 60_000;

const entries = new Map<string, { promise: Promise<unknown>; createdAt: number }>();

export function credentialFingerprint(baseUrl: string, apiKey: string): string {
	return createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex').slice(0, 32);
}

export function cachedDefinitions<T>(key: string, load: () => Promise<T>): Promise<T> {
	const now = Date.now();
	for (const [id, entry] of entries) if (now - entry.createdAt > MAX_AGE_MS) entries.delete(id);
	const existing = entries.get(key);
	if (existing) return existing.promise as Promise<T>;
	const promise = load();
	entries.set(key, { promise, createdAt: now });
	// A failed lookup is not kept: the next execution asks again.
	promise.catch(() => entries.delete(key));
	return promise;
}

/** For tests: forget every cached lookup. */
export function clearDefinitionsCache(): void {
	entries.clear();
}
