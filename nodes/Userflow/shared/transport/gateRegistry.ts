import { createHash } from 'node:crypto';

import { RateGate } from './rateGate';

/**
 * One gate per API key and ceiling, shared by every item and every execution of this
 * process, so concurrent workflows on one key slow down together. Only speed depends on
 * it: correctness never does (each request retries on its own), which keeps queue mode
 * with several workers safe. The key itself is never stored, only a hash of it.
 */
const gates = new Map<string, { gate: RateGate; lastUsedAt: number }>();
const IDLE_EXPIRY_MS = 10 * 60_000;

export function gateFor(apiKey: string, baseUrl: string, maxPerSecond?: number): RateGate {
	const now = Date.now();
	for (const [id, entry] of gates) {
		if (now - entry.lastUsedAt > IDLE_EXPIRY_MS) gates.delete(id);
	}
	const fingerprint = createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex');
	const id = `${fingerprint}:${maxPerSecond ?? 'auto'}`;
	let entry = gates.get(id);
	if (!entry) {
		entry = { gate: new RateGate({ maxPerSecond }), lastUsedAt: now };
		gates.set(id, entry);
	}
	entry.lastUsedAt = now;
	return entry.gate;
}
