import { sleep } from 'n8n-workflow';

import { readFailure } from './failureDetails';
import type { RateGate } from './rateGate';
import {
	backoffDelayMs,
	classifyFailure,
	DEFAULT_ATTEMPT_TIMEOUT_MS,
	isRetryable,
	MIN_ATTEMPT_MS,
	MIN_MAX_WAIT_MS,
	parseRetryAfter,
	type RetryLimits,
	type RetryMode,
} from './retryPolicy';

export interface PacedRequestPolicy {
	gate: RateGate;
	mode: RetryMode;
	limits: RetryLimits;
	/** One attempt's timeout before the cap by what is left of Max Wait. */
	attemptTimeoutMs?: number;
	/** A DELETE: a 404 answering a resend after a failure that may have applied it means done. */
	notFoundMeansDone?: boolean;
	/** True once the execution was cancelled: nothing more is sent. */
	isCancelled?: () => boolean;
}

/** Why the layer stopped trying; the error message says it. */
export type StopReason = 'final' | 'notResendable' | 'maxRetries' | 'maxWait' | 'cancelled';

/** What pacedRequest throws: the last failure untouched, and why it was the last. */
export class PacedRequestFailure extends Error {
	constructor(
		readonly failure: unknown,
		readonly attempts: number,
		readonly stoppedBecause: StopReason,
	) {
		super('Userflow request failed');
		this.name = 'PacedRequestFailure';
	}
}

/** What a DELETE answers when its resend found the object already gone. */
export const ALREADY_DONE = Symbol('alreadyDone');

function isAmbiguous(kind: ReturnType<typeof classifyFailure>): boolean {
	return kind === 'serverError' || kind === 'maybeSent';
}

/**
 * Sends one Userflow request through the key's rate gate, retrying what the policy allows,
 * within Max Wait counted from the first attempt (the first turn in the gate is not
 * counted: on a large sync that wait is the rate limit itself). Every attempt gets a
 * timeout, capped by what is left of Max Wait; every pause is bounded.
 */
export async function pacedRequest<T>(
	send: (timeoutMs: number) => Promise<T>,
	policy: PacedRequestPolicy,
): Promise<T | typeof ALREADY_DONE> {
	const { gate, mode, limits } = policy;
	const attemptTimeoutMs = policy.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
	let deadline: number | undefined;
	let failure: unknown;
	let mayHaveBeenApplied = false;
	for (let attempt = 0; ; attempt++) {
		const startedAt = await gate.acquire({ retry: attempt > 0 });
		deadline ??= Date.now() + Math.max(limits.maxWaitMs, MIN_MAX_WAIT_MS);
		const left = deadline - Date.now();
		if (attempt > 0 && (policy.isCancelled?.() === true || left < MIN_ATTEMPT_MS)) {
			gate.release();
			throw new PacedRequestFailure(failure, attempt, policy.isCancelled?.() ? 'cancelled' : 'maxWait');
		}
		try {
			const result = await send(Math.max(1, Math.min(attemptTimeoutMs, left)));
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
		if (mayHaveBeenApplied && policy.notFoundMeansDone && details.status === 404) return ALREADY_DONE;
		if (isAmbiguous(kind)) mayHaveBeenApplied = true;
		if (!isRetryable(kind, mode)) {
			throw new PacedRequestFailure(failure, attempt + 1, isAmbiguous(kind) ? 'notResendable' : 'final');
		}
		if (attempt >= limits.maxRetries) throw new PacedRequestFailure(failure, attempt + 1, 'maxRetries');
		if (policy.isCancelled?.() === true) throw new PacedRequestFailure(failure, attempt + 1, 'cancelled');
		const delayMs = backoffDelayMs(attempt, retryAfterMs);
		if (Date.now() + delayMs + MIN_ATTEMPT_MS > deadline) {
			throw new PacedRequestFailure(failure, attempt + 1, 'maxWait');
		}
		await sleep(delayMs);
	}
}
