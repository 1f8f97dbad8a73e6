/**
 * When to send a failed Userflow request again, and how long to wait first.
 *
 * Which requests may be resent at all is decided from the request itself (resendRule.ts):
 * `idempotent` ones are retried after any transient failure, `onlyIfNotApplied` ones (events,
 * cumulative changes, creates) only where Userflow cannot have applied them.
 */
export type RetryMode = 'idempotent' | 'onlyIfNotApplied';

export interface RetryLimits {
	/** Attempts after the first one. */
	maxRetries: number;
	/**
	 * The whole time one request may take from its first attempt: attempts, their timeouts,
	 * pauses and waiting for a retry's turn. Waiting for the first turn is not counted: that
	 * is the rate limit doing its job on a large sync.
	 */
	maxWaitMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = { maxRetries: 8, maxWaitMs: 120_000 };

/**
 * Per attempt, when nothing else says: n8n's own default for declarative requests. Every
 * attempt is further capped by what is left of Max Wait.
 */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 300_000;

/** No retry is started with less time than this left: it could only time out. */
export const MIN_ATTEMPT_MS = 250;

/** Max Wait below this (0 included) still lets one attempt take this long. */
export const MIN_MAX_WAIT_MS = 1_000;

export type FailureKind = 'rateLimited' | 'serverError' | 'notSent' | 'maybeSent' | 'redirect' | 'final';

/** Network errors raised before any byte of the request reached Userflow. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Network errors (timeouts included) after which the request may or may not have been processed. */
const MAYBE_SENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);

export function classifyFailure(status: number | undefined, networkCode: string | undefined): FailureKind {
	if (status === 429) return 'rateLimited';
	if (status !== undefined && status >= 500) return 'serverError';
	// Never followed (see requestSettings): the key and the body must not travel elsewhere.
	if (status !== undefined && status >= 300 && status < 400) return 'redirect';
	if (status === undefined && networkCode !== undefined) {
		if (NOT_SENT_CODES.has(networkCode)) return 'notSent';
		if (MAYBE_SENT_CODES.has(networkCode)) return 'maybeSent';
	}
	return 'final';
}

export function isRetryable(kind: FailureKind, mode: RetryMode): boolean {
	if (kind === 'final' || kind === 'redirect') return false;
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
