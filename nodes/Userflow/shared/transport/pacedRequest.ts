import { sleep } from 'n8n-workflow';

import { readFailure } from './failureDetails';
import type { RateGate } from './rateGate';
import {
	backoffDelayMs,
	classifyFailure,
	isRetryable,
	parseRetryAfter,
	type RetryLimits,
	type RetryMode,
} from './retryPolicy';

export interface PacedRequestPolicy {
	gate: RateGate;
	mode: RetryMode;
	limits: RetryLimits;
}

/**
 * Sends one Userflow request through the key's rate gate, retrying what the policy
 * allows. The last error is rethrown untouched so the caller can explain it.
 */
export async function pacedRequest<T>(send: () => Promise<T>, policy: PacedRequestPolicy): Promise<T> {
	const { gate, mode, limits } = policy;
	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		const startedAt = await gate.acquire({ retry: attempt > 0 });
		let failure: unknown;
		try {
			const result = await send();
			gate.accepted();
			return result;
		} catch (error) {
			failure = error;
		} finally {
			gate.release();
		}
		const details = readFailure(failure);
		const kind = classifyFailure(details.status, details.networkCode);
		const retryAfterMs = parseRetryAfter(details.retryAfterHeader);
		if (kind === 'rateLimited') gate.rateLimited(startedAt, retryAfterMs);
		if (!isRetryable(kind, mode) || attempt >= limits.maxRetries) throw failure;
		const delayMs = backoffDelayMs(attempt, retryAfterMs);
		if (waitedMs + delayMs > limits.maxWaitMs) throw failure;
		waitedMs += delayMs;
		await sleep(delayMs);
	}
}
