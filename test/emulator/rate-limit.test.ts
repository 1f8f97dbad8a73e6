import { startEmulator, type UserflowEmulator } from '../../emulator';
import { call } from './helpers';

describe('emulator rate limit (token bucket per key)', () => {
	let now = 1_700_000_000_000;
	let emulator: UserflowEmulator;

	beforeEach(async () => {
		now = 1_700_000_000_000;
		emulator = await startEmulator({ apiKeys: ['ak_a', 'ak_b'], rateLimit: { perSecond: 2, burst: 3 }, clock: () => now });
	});
	afterEach(() => emulator.close());

	const statuses = async (count: number, key = 'ak_a') => {
		const result: number[] = [];
		for (let i = 0; i < count; i++) result.push((await call(emulator, '/users', { key })).status);
		return result;
	};

	it('allows the burst, then answers 429 rate_limited without Retry-After', async () => {
		expect(await statuses(5)).toEqual([200, 200, 200, 429, 429]);
		const limited = await call(emulator, '/users', { key: 'ak_a' });
		expect(limited.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
		expect(limited.headers.get('retry-after')).toBeNull();
		expect(emulator.requests.filter((r) => r.status === 429)).toHaveLength(3);
	});

	it('does not take a token for a rejected request', async () => {
		await statuses(3);
		expect(await statuses(10)).toEqual(Array(10).fill(429));
		now += 500; // exactly one token refilled at 2/s
		expect(await statuses(2)).toEqual([200, 429]);
		now += 60_000; // refills to the burst, never above
		expect(await statuses(4)).toEqual([200, 200, 200, 429]);
	});

	it('keeps one bucket per key', async () => {
		await statuses(3, 'ak_a');
		expect(await statuses(1, 'ak_a')).toEqual([429]);
		expect(await statuses(3, 'ak_b')).toEqual([200, 200, 200]);
	});

	it('sends an integer Retry-After when asked, and can be switched off at runtime', async () => {
		emulator.configure({ rateLimit: { perSecond: 0.25, retryAfter: true } });
		expect((await call(emulator, '/users', { key: 'ak_a' })).status).toBe(429); // burst 0.25 < 1 token
		emulator.configure({ rateLimit: { perSecond: 0.5, burst: 1, retryAfter: true } });
		expect((await call(emulator, '/users', { key: 'ak_a' })).status).toBe(200);
		const limited = await call(emulator, '/users', { key: 'ak_a' });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('2');
		emulator.configure({ rateLimit: null });
		expect(await statuses(5)).toEqual(Array(5).fill(200));
	});

	it('answers 401 before counting, so a bad key takes no token', async () => {
		for (let i = 0; i < 5; i++) expect((await call(emulator, '/users', { key: 'ak_wrong' })).status).toBe(401);
		expect(await statuses(3)).toEqual([200, 200, 200]);
	});
});
