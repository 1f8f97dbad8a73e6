/** A token bucket per API key. A rejected request takes no token, so clients that back off recover. */
import type { RateLimitOptions } from './types';

interface Bucket {
	tokens: number;
	updatedAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private readonly options: RateLimitOptions,
		private readonly clock: () => number,
	) {
		if (!(options.perSecond > 0)) throw new Error('rateLimit.perSecond must be > 0');
		if (options.burst !== undefined && !(options.burst >= 1)) throw new Error('rateLimit.burst must be >= 1');
	}

	get sendsRetryAfter(): boolean {
		return this.options.retryAfter === true;
	}

	private get capacity(): number {
		return this.options.burst ?? this.options.perSecond;
	}

	take(key: string): RateDecision {
		const now = this.clock();
		const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
		bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.options.perSecond);
		bucket.updatedAt = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return { allowed: true };
		}
		const secondsUntilToken = (1 - bucket.tokens) / this.options.perSecond;
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(secondsUntilToken)) };
	}
}
