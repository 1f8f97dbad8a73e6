import { pacingProperty } from '../../../../../nodes/Userflow/shared/transport/pacingOptions';
import {
	DEFAULT_RETRY_LIMITS,
	backoffDelayMs,
	classifyFailure,
	isRetryable,
	parseRetryAfter,
} from '../../../../../nodes/Userflow/shared/transport/retryPolicy';

describe('retry policy', () => {
	it.each([
		[429, undefined, 'rateLimited'],
		[500, undefined, 'serverError'],
		[503, undefined, 'serverError'],
		[404, undefined, 'final'],
		[400, undefined, 'final'],
		[401, undefined, 'final'],
		[undefined, 'ECONNREFUSED', 'notSent'],
		[undefined, 'ECONNRESET', 'maybeSent'],
		[undefined, 'ETIMEDOUT', 'maybeSent'],
		[undefined, 'SOMETHING_ELSE', 'final'],
	])('classifies status %s / %s as %s', (status, code, kind) => {
		expect(classifyFailure(status, code)).toBe(kind);
	});

	it('retries everything transient for idempotent requests', () => {
		for (const kind of ['rateLimited', 'serverError', 'notSent', 'maybeSent'] as const) {
			expect(isRetryable(kind, 'idempotent')).toBe(true);
		}
		expect(isRetryable('final', 'idempotent')).toBe(false);
	});

	it('retries an event only where Userflow cannot have recorded it', () => {
		expect(isRetryable('rateLimited', 'onlyIfNotApplied')).toBe(true);
		expect(isRetryable('notSent', 'onlyIfNotApplied')).toBe(true);
		expect(isRetryable('serverError', 'onlyIfNotApplied')).toBe(false);
		expect(isRetryable('maybeSent', 'onlyIfNotApplied')).toBe(false);
	});

	it('backs off exponentially with jitter, capped, and obeys Retry-After', () => {
		for (let attempt = 0; attempt < 12; attempt++) {
			const ceiling = Math.min(20_000, 100 * 2 ** attempt);
			const delay = backoffDelayMs(attempt);
			expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
			expect(delay).toBeLessThanOrEqual(ceiling);
		}
		expect(backoffDelayMs(5, 3000)).toBe(3000);
	});

	it('reads Retry-After in seconds or as a date', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(1)).toBe(1000);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});

describe('Rate Limit Handling defaults', () => {
	it('show the same defaults in the editor as the layer uses', () => {
		const defaults = Object.fromEntries(
			(pacingProperty.options as Array<{ name: string; default: number }>).map((o) => [o.name, o.default]),
		);
		expect(defaults).toEqual({
			maxRequestsPerSecond: 0,
			maxRetries: DEFAULT_RETRY_LIMITS.maxRetries,
			maxWaitSeconds: DEFAULT_RETRY_LIMITS.maxWaitMs / 1000,
		});
	});
});
