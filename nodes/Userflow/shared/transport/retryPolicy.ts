/**
 * When to send a failed Userflow request again, and how long to wait first.
 *
 * Upserts, reads and deletes are idempotent by id, so any transient failure is retried.
 * `POST /events` is not: after a 5xx or a dropped connection the event may already be
 * recorded, and a duplicate is a wrong count in the customer's analytics. Events are
 * therefore retried only where Userflow cannot have recorded them.
 */
export type RetryMode = 'idempotent' | 'onlyIfNotRecorded';

export interface RetryLimits {
	/** Attempts after the first one. */
	maxRetries: number;
	/** Total time a request may spend waiting between attempts. */
	maxWaitMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = { maxRetries: 8, maxWaitMs: 120_000 };

export type FailureKind = 'rateLimited' | 'serverError' | 'notSent' | 'maybeSent' | 'final';

/** Network errors raised before any byte of the request reached Userflow. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Network errors after which the request may or may not have been processed. */
const MAYBE_SENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);

export function classifyFailure(status: number | undefined, networkCode: string | undefined): FailureKind {
	if (status === 429) return 'rateLimited';
	if (status !== undefined && status >= 500) return 'serverError';
	if (status === undefined && networkCode !== undefined) {
		if (NOT_SENT_CODES.has(networkCode)) return 'notSent';
		if (MAYBE_SENT_CODES.has(networkCode)) return 'maybeSent';
	}
	return 'final';
}

export function isRetryable(kind: FailureKind, mode: RetryMode): boolean {
	if (kind === 'final') return false;
	if (mode === 'idempotent') return true;
	return kind === 'rateLimited' || kind === 'notSent';
}

/**
 * Small on purpose: the shared gate already slows the whole key down after a 429; the
 * per-request backoff only spreads retries out and protects against other clients.
 */
const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 20_000;

/** Exponential backoff with full jitter; Retry-After wins when Userflow sends one. */
export function backoffDelayMs(attempt: number, retryAfterMs?: number): number {
	if (retryAfterMs !== undefined && retryAfterMs >= 0) return retryAfterMs;
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Parses Retry-After given in seconds or as an HTTP date. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(header));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
