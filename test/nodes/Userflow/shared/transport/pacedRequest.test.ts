import { pacedRequest } from '../../../../../nodes/Userflow/shared/transport/pacedRequest';
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
	const send = jest.fn(async () => {
		calls++;
		if (calls <= failures.length) throw failures[calls - 1];
		return 'ok';
	});
	return send;
}

const run = async (send: () => Promise<string>, mode: RetryMode, maxRetries = 5, maxWaitMs = 60_000) =>
	await pacedRequest(send, { gate: new RateGate({ maxPerSecond: 1000 }), mode, limits: { maxRetries, maxWaitMs } });

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

	it('never resends an event after a failure that may have recorded it', async () => {
		for (const failure of [httpError(500), networkError('ECONNRESET')]) {
			const send = failingThenOk([failure]);
			await expect(run(send, 'onlyIfNotRecorded')).rejects.toBe(failure);
			expect(send).toHaveBeenCalledTimes(1);
		}
	});

	it('resends an event after a 429 or a refused connection', async () => {
		const send = failingThenOk([httpError(429), networkError('ECONNREFUSED')]);
		await expect(run(send, 'onlyIfNotRecorded')).resolves.toBe('ok');
		expect(send).toHaveBeenCalledTimes(3);
	});

	it('does not retry what retrying cannot fix', async () => {
		const notFound = httpError(404);
		const send = failingThenOk([notFound]);
		await expect(run(send, 'idempotent')).rejects.toBe(notFound);
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('gives up after Max Retries with the last error', async () => {
		const failures = [httpError(429), httpError(429), httpError(429)];
		const send = failingThenOk(failures);
		await expect(run(send, 'idempotent', 2)).rejects.toBe(failures[2]);
		expect(send).toHaveBeenCalledTimes(3);
	});

	it('gives up when the next wait would pass Max Wait', async () => {
		const failure = httpError(429, { 'Retry-After': '30' });
		const send = failingThenOk([failure]);
		await expect(run(send, 'idempotent', 5, 1000)).rejects.toBe(failure);
		expect(send).toHaveBeenCalledTimes(1);
	});
});
