import { sleep } from 'n8n-workflow';

/**
 * Paces the requests that share one Userflow API key.
 *
 * Userflow rate-limits per key, publishes no figures and sends no Retry-After, while n8n
 * starts every item of a declarative node at once. The gate queues them and lets one
 * start every 1/rate seconds, and learns the rate the key is allowed the way TCP learns
 * a link: it grows fast until the first 429 (slow start), then slowly (additive
 * increase), and on a 429 falls back to just under what the API actually accepted
 * (multiplicative decrease, deeper when the last one was not enough); after a short,
 * jittered spell without 429s it probes upward again, multiplicatively but gentler than at
 * first, which is how gates in several processes on one key (n8n workers) take up a share
 * another one left without each probe costing a burst of 429s.
 * A ceiling set by the user (Max Requests per Second) caps the rate and is also where it
 * starts, so users who know their limit see almost no 429s.
 *
 * Start times are handed out one at a time by a single dispatcher, never booked ahead,
 * so a change of rate applies to the very next request.
 */
export interface RateGateOptions {
	/** Fixed ceiling in requests per second; undefined lets the gate learn the limit. */
	maxPerSecond?: number;
	/** Requests in flight at most, whatever the rate: bounds sockets and memory. */
	maxInFlight?: number;
}

const DEFAULT_START_RATE = 20;
const MIN_RATE = 0.5;
const UNBOUNDED_RATE = 1000;
const DEFAULT_MAX_IN_FLIGHT = 64;
/** Per accepted request while probing: the rate grows about e-fold per second. */
const SLOW_START_STEP = 1;
/**
 * Per accepted request while probing again after a quiet spell: about +28 % per second, so a
 * share another worker left (half the limit to all of it) is taken up in about 3 s, while a
 * probe that finds nothing free overshoots by a few percent instead of doubling.
 */
const REPROBE_STEP = 0.25;
/** Per accepted request after the first 429: about +1.5 % per second. */
const CONGESTION_AVOIDANCE_STEP = 0.015;
/** Without enough recent successes to measure, cut the rate by this factor on a 429. */
const BLIND_DECREASE = 0.7;
/** A 429 always lowers the rate at least this much. */
const MIN_DECREASE = 0.95;
const MIN_SAMPLES = 10;
/** Settle just under what the API accepted, so the next 429 comes late. */
const ACCEPTED_MARGIN = 0.97;
const ACCEPTED_WINDOW_MS = 2000;
/** A dispatcher that wakes up late may catch up this much, so timer jitter costs no rate. */
const CATCH_UP_MS = 50;
/**
 * This long without a 429 (plus a random part up to REPROBE_JITTER_MS, so workers on one key
 * do not probe in step), the gate probes upward again. Another process on the same key (an
 * n8n worker) may have finished and left its share free; without probing, the additive
 * step would take a minute to take it up.
 */
const REPROBE_AFTER_MS = 2000;
const REPROBE_JITTER_MS = 1500;
/**
 * A 429 for a request sent after the last decrease, this soon after it: that decrease did not
 * get under the limit (the acceptances it measured included the key's initial burst, or
 * several workers overshot together), so cut by BLIND_DECREASE at least.
 */
const ESCALATE_WITHIN_MS = 1000;

interface Waiter {
	resolve: (startedAt: number) => void;
}

export class RateGate {
	private rate: number;

	private readonly ceiling: number;

	private readonly maxInFlight: number;

	private probing: boolean;

	private nextStartAt = 0;

	private pausedUntil = 0;

	private lastDecreaseAt = 0;

	private lastRateLimitedAt = Date.now();

	private quietFor = REPROBE_AFTER_MS;

	private inFlight = 0;

	private readonly waiting: Waiter[] = [];

	/** Retries go first: they have waited longest and their items hold up the output. */
	private readonly retrying: Waiter[] = [];

	private dispatching = false;

	private wakeDispatcher: (() => void) | undefined;

	/** Completion times of accepted requests within the last window. */
	private readonly acceptedAt: number[] = [];

	private readonly createdAt = Date.now();

	constructor(options: RateGateOptions = {}) {
		const fixed = options.maxPerSecond && options.maxPerSecond > 0 ? options.maxPerSecond : undefined;
		this.ceiling = fixed ?? UNBOUNDED_RATE;
		this.rate = fixed ?? DEFAULT_START_RATE;
		this.probing = fixed === undefined;
		this.maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
	}

	get currentRate(): number {
		return this.rate;
	}

	/**
	 * Waits for this request's turn and returns its start time: pass it back to
	 * `rateLimited` so a burst of 429s from one overshoot counts as one signal.
	 */
	async acquire(options: { retry?: boolean } = {}): Promise<number> {
		const started = new Promise<number>((resolve) => {
			(options.retry ? this.retrying : this.waiting).push({ resolve });
		});
		void this.dispatch();
		return await started;
	}

	/** Frees the in-flight slot taken by `acquire`; call exactly once per acquire. */
	release(): void {
		this.inFlight--;
		this.wake();
	}

	accepted(): void {
		const now = Date.now();
		this.acceptedAt.push(now);
		while (this.acceptedAt.length && this.acceptedAt[0] < now - ACCEPTED_WINDOW_MS) this.acceptedAt.shift();
		// Only a gate that holds requests back learns from an acceptance: a rate nobody used
		// proves nothing, and growing it anyway would let the next burst start far too fast.
		if (this.waiting.length + this.retrying.length === 0) return;
		let step = this.probing ? SLOW_START_STEP : CONGESTION_AVOIDANCE_STEP;
		if (!this.probing && now - this.lastRateLimitedAt > this.quietFor) step = REPROBE_STEP;
		this.rate = Math.min(this.ceiling, this.rate + step);
	}

	/**
	 * A 429 for a request started at `startedAt`. Only the first 429 among requests sent
	 * after the previous decrease lowers the rate: the others answer for the same burst.
	 */
	rateLimited(startedAt: number, retryAfterMs?: number): void {
		const now = Date.now();
		if (retryAfterMs !== undefined && retryAfterMs > 0) {
			this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
		}
		this.lastRateLimitedAt = now;
		if (startedAt < this.lastDecreaseAt) return;
		const notEnough = this.lastDecreaseAt > 0 && now - this.lastDecreaseAt < ESCALATE_WITHIN_MS;
		this.lastDecreaseAt = now;
		this.probing = false;
		this.quietFor = REPROBE_AFTER_MS + Math.random() * REPROBE_JITTER_MS;
		while (this.acceptedAt.length && this.acceptedAt[0] < now - ACCEPTED_WINDOW_MS) this.acceptedAt.shift();
		const windowMs = Math.max(250, Math.min(ACCEPTED_WINDOW_MS, now - this.createdAt));
		const acceptedPerSecond = (this.acceptedAt.length * 1000) / windowMs;
		const target =
			this.acceptedAt.length >= MIN_SAMPLES
				? Math.min(this.rate * MIN_DECREASE, acceptedPerSecond * ACCEPTED_MARGIN)
				: this.rate * BLIND_DECREASE;
		this.rate = Math.max(MIN_RATE, notEnough ? Math.min(target, this.rate * BLIND_DECREASE) : target);
		// Give the limiter one interval to refill before the next start.
		this.nextStartAt = Math.max(this.nextStartAt, now + 1000 / this.rate);
		this.wake();
	}

	private wake(): void {
		const wake = this.wakeDispatcher;
		this.wakeDispatcher = undefined;
		wake?.();
	}

	/** The single dispatcher: hands out start times one by one at the current rate. */
	private async dispatch(): Promise<void> {
		if (this.dispatching) return;
		this.dispatching = true;
		try {
			while (this.retrying.length || this.waiting.length) {
				if (this.inFlight >= this.maxInFlight) {
					await new Promise<void>((resolve) => (this.wakeDispatcher = resolve));
					continue;
				}
				const now = Date.now();
				const startAt = Math.max(this.nextStartAt, this.pausedUntil);
				if (startAt > now) {
					await sleep(startAt - now);
					continue;
				}
				const base = now - startAt <= CATCH_UP_MS ? startAt : now;
				this.nextStartAt = base + 1000 / this.rate;
				this.inFlight++;
				const next = (this.retrying.shift() ?? this.waiting.shift()) as Waiter;
				next.resolve(now);
			}
		} finally {
			this.dispatching = false;
		}
	}
}
