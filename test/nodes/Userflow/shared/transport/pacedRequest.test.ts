import { ALREADY_DONE, PacedRequestFailure, pacedRequest } from '../../../../../nodes/Userflow/shared/transport/pacedRequest';
import { RateGate } from '../../../../../nodes/Userflow/shared/transport/rateGate';
import type { RetryMode } from '../../../../../nodes/Userflow/shared/transport/retryPolicy';

/** Errors shaped like what n8n's HTTP helpers throw (axios error inside). */
function httpError(status: number, headers: Record<string, string> = {}) {
	return Object.assign(new Error(`HTTP ${status}`), { response: { status, headers, data: {} } });
}
function networkError(code: string) {
	return Object.assign(new Error(code), { code });
}

function failingThenOk(failures: Error[]) {
	let calls = 0;
	const send = jest.fn(async (_timeoutMs: number) => {
		calls++;
		if (calls <= failures.length) throw failures[calls - 1];
		return 'ok';
	});
	return send;
}

const run = async (send: (timeoutMs: number) => Promise<string>, mode: RetryMode, maxRetries = 5, maxWaitMs = 60_000) =>
	await pacedRequest(send, { gate: new RateGate({ maxPerSecond: 1000 }), mode, limits: { maxRetries, maxWaitMs } });

async function failureOf(promise: Promise<unknown>): Promise<PacedRequestFailure> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason,
	);
	expect(error).toBeInstanceOf(PacedRequestFailure);
	return error as PacedRequestFailure;
}

describe('pacedRequest', () => {
	it('retries 429s until the request goes through', async () => {
		const send = failingThenOk([httpError(429), httpError(429)]);
		await expect(run(send, 'idempotent')).resolves.toBe('ok');
		expect(send).toHaveBeenCalledTimes(3);
	});

	it('retries 5xx and resets for idempotent requests', async () => {
		const send = failingThenOk([httpError(503), networkError('ECONNRESET')]);
		await expect(run(send, 'idempotent')).resolves.toBe('ok');
		expect(send).toHaveBeenCalledTimes(3);
	});

	it('never resends what may have been applied when the request is not idempotent', async () => {
		for (const failure of [httpError(500), networkError('ECONNRESET'), networkError('ECONNABORTED')]) {
			const send = failingThenOk([failure]);
			const stopped = await failureOf(run(send, 'onlyIfNotApplied'));
			expect(stopped.failure).toBe(failure);
			expect(stopped.stoppedBecause).toBe('notResendable');
			expect(send).toHaveBeenCalledTimes(1);
		}
	});

	it('resends a non-idempotent request after a 429 or a refused connection', async () => {
		const send = failingThenOk([httpError(429), networkError('ECONNREFUSED')]);
		await expect(run(send, 'onlyIfNotApplied')).resolves.toBe('ok');
		expect(send).toHaveBeenCalledTimes(3);
	});

	it('does not retry what retrying cannot fix, redirects included', async () => {
		for (const failure of [httpError(404), httpError(301, { location: 'http://elsewhere' })]) {
			const send = failingThenOk([failure]);
			const stopped = await failureOf(run(send, 'idempotent'));
			expect([stopped.failure, stopped.stoppedBecause]).toEqual([failure, 'final']);
			expect(send).toHaveBeenCalledTimes(1);
		}
	});

	it('gives up after Max Retries with the last error', async () => {
		const failures = [httpError(429), httpError(429), httpError(429)];
		const send = failingThenOk(failures);
		const stopped = await failureOf(run(send, 'idempotent', 2));
		expect([stopped.failure, stopped.attempts, stopped.stoppedBecause]).toEqual([failures[2], 3, 'maxRetries']);
		expect(send).toHaveBeenCalledTimes(3);
	});

	it('gives up when the next wait would pass Max Wait', async () => {
		const failure = httpError(429, { 'Retry-After': '30' });
		const send = failingThenOk([failure]);
		const stopped = await failureOf(run(send, 'idempotent', 5, 1000));
		expect([stopped.failure, stopped.stoppedBecause]).toEqual([failure, 'maxWait']);
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('counts the attempts themselves against Max Wait, not only the pauses between them', async () => {
		const send = jest.fn(async () => {
			await new Promise((resolve) => setTimeout(resolve, 400));
			throw httpError(503);
		});
		const stopped = await failureOf(run(send, 'idempotent', 50, 1500));
		expect(stopped.stoppedBecause).toBe('maxWait');
		// 400 ms per attempt: at most 3 fit in 1.5 s; pauses alone would have allowed 50.
		expect(send.mock.calls.length).toBeLessThanOrEqual(3);
	});

	it('gives every attempt a timeout, capped by what is left of Max Wait', async () => {
		const send = failingThenOk([networkError('ECONNRESET')]);
		await pacedRequest(send, {
			gate: new RateGate({ maxPerSecond: 1000 }),
			mode: 'idempotent',
			limits: { maxRetries: 3, maxWaitMs: 2000 },
			attemptTimeoutMs: 300_000,
		});
		const [first, second] = send.mock.calls.map(([timeoutMs]) => timeoutMs);
		expect(first).toBeLessThanOrEqual(2000);
		expect(first).toBeGreaterThan(1900);
		expect(second).toBeLessThan(first);
	});

	it('does not count the wait for the first turn (the rate limit on a large sync)', async () => {
		const real = new RateGate({ maxPerSecond: 1000 });
		let acquired = 0;
		// A gate whose first turn comes after 1.5 s, longer than Max Wait.
		const slowFirstTurn = Object.assign(Object.create(real) as RateGate, {
			acquire: async (options: { retry?: boolean } = {}) => {
				if (acquired++ === 0) await new Promise((resolve) => setTimeout(resolve, 1500));
				return await real.acquire(options);
			},
		});
		const send = failingThenOk([httpError(503)]);
		await expect(
			pacedRequest(send, { gate: slowFirstTurn, mode: 'idempotent', limits: { maxRetries: 3, maxWaitMs: 1200 } }),
		).resolves.toBe('ok');
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('backs off between retries of a 5xx itself: the gate alone would resend at once', async () => {
		const sentAt: number[] = [];
		const send = jest.fn(async () => {
			sentAt.push(Date.now());
			if (sentAt.length < 3) throw httpError(503);
			return 'ok';
		});
		await run(send, 'idempotent');
		// Full jitter over 100 ms, then 200 ms: at least half of each.
		expect(sentAt[1] - sentAt[0]).toBeGreaterThanOrEqual(45);
		expect(sentAt[2] - sentAt[1]).toBeGreaterThanOrEqual(95);
	});

	it("pauses the key's other requests for a Retry-After, not only the one that got it", async () => {
		const gate = new RateGate({ maxPerSecond: 1000 });
		const limits = { maxRetries: 3, maxWaitMs: 10_000 };
		let rateLimitedAt = 0;
		const first = pacedRequest(
			async () => {
				if (rateLimitedAt === 0) {
					rateLimitedAt = Date.now();
					throw httpError(429, { 'Retry-After': '1' });
				}
				return 'first';
			},
			{ gate, mode: 'idempotent', limits },
		);
		while (rateLimitedAt === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		await new Promise((resolve) => setTimeout(resolve, 20));
		let otherSentAt = 0;
		const other = pacedRequest(
			async () => {
				otherSentAt = Date.now();
				return 'other';
			},
			{ gate, mode: 'idempotent', limits },
		);
		await expect(Promise.all([first, other])).resolves.toEqual(['first', 'other']);
		expect(otherSentAt - rateLimitedAt).toBeGreaterThanOrEqual(900);
	});

	it('a DELETE resent after a failure that may have applied it: a 404 means it is gone', async () => {
		const send = failingThenOk([httpError(500), httpError(404)]);
		await expect(
			pacedRequest(send, { gate: new RateGate({ maxPerSecond: 1000 }), mode: 'idempotent', limits: { maxRetries: 3, maxWaitMs: 5000 }, notFoundMeansDone: true }),
		).resolves.toBe(ALREADY_DONE);
		// A first-attempt 404 is a real "does not exist".
		const notThere = httpError(404);
		const stopped = await failureOf(
			pacedRequest(failingThenOk([notThere]), {
				gate: new RateGate({ maxPerSecond: 1000 }),
				mode: 'idempotent',
				limits: { maxRetries: 3, maxWaitMs: 5000 },
				notFoundMeansDone: true,
			}),
		);
		expect(stopped.failure).toBe(notThere);
	});

	it('sends nothing more once the execution was cancelled', async () => {
		let cancelled = false;
		const send = jest.fn(async () => {
			cancelled = true;
			throw httpError(503);
		});
		const stopped = await failureOf(
			pacedRequest(send, {
				gate: new RateGate({ maxPerSecond: 1000 }),
				mode: 'idempotent',
				limits: { maxRetries: 5, maxWaitMs: 5000 },
				isCancelled: () => cancelled,
			}),
		);
		expect(stopped.stoppedBecause).toBe('cancelled');
		expect(send).toHaveBeenCalledTimes(1);
	});
});
