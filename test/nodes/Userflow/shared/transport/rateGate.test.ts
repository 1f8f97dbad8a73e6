import { RateGate } from '../../../../../nodes/Userflow/shared/transport/rateGate';

describe('RateGate', () => {
	beforeEach(() => {
		jest.useFakeTimers({ now: 1_000_000 });
	});
	afterEach(() => {
		jest.useRealTimers();
	});

	async function acquireMany(gate: RateGate, count: number): Promise<number[]> {
		const starts: number[] = [];
		for (let i = 0; i < count; i++) {
			const pending = gate.acquire();
			await jest.runOnlyPendingTimersAsync();
			starts.push(await pending);
			gate.release();
		}
		return starts;
	}

	/** A gate holding requests back (one in flight, one waiting): the only kind that learns. */
	function busyGate(options: ConstructorParameters<typeof RateGate>[0] = {}): RateGate {
		const gate = new RateGate({ ...options, maxInFlight: 1 });
		void gate.acquire();
		void gate.acquire();
		return gate;
	}

	it('spaces request starts at the ceiling the user set', async () => {
		const gate = new RateGate({ maxPerSecond: 10 });
		const starts = await acquireMany(gate, 5);
		expect(starts.map((t) => t - starts[0])).toEqual([0, 100, 200, 300, 400]);
	});

	it('never grows past the ceiling the user set', () => {
		const gate = busyGate({ maxPerSecond: 10 });
		for (let i = 0; i < 100; i++) gate.accepted();
		expect(gate.currentRate).toBe(10);
	});

	it('grows fast before the first 429 and slowly after it', () => {
		const gate = busyGate();
		const start = gate.currentRate;
		for (let i = 0; i < 10; i++) gate.accepted();
		const afterProbe = gate.currentRate;
		expect(afterProbe).toBe(start + 10);
		gate.rateLimited(Date.now());
		const afterDecrease = gate.currentRate;
		for (let i = 0; i < 10; i++) gate.accepted();
		expect(gate.currentRate - afterDecrease).toBeCloseTo(0.15, 5);
	});

	it('does not grow while it holds nothing back: an unused rate proves nothing', () => {
		const gate = new RateGate();
		const start = gate.currentRate;
		for (let i = 0; i < 10; i++) gate.accepted();
		expect(gate.currentRate).toBe(start);
	});

	// Several n8n workers on one key: when one finishes, its share of the limit is free, and
	// only probing finds that out (the additive step alone would take about a minute). The
	// quiet spell is 2 s plus a random part up to 1.5 s, so workers do not probe in step.
	it('probes again, gently, after 2 to 3.5 s without a 429, and a 429 restarts that wait', () => {
		jest.spyOn(Math, 'random').mockReturnValue(1); // the longest quiet spell: 3.5 s
		const gate = busyGate();
		gate.rateLimited(Date.now());
		const afterDecrease = gate.currentRate;
		jest.advanceTimersByTime(3_400);
		gate.accepted();
		expect(gate.currentRate - afterDecrease).toBeCloseTo(0.015, 5);

		gate.rateLimited(Date.now() - 1); // a 429 of the same burst: no decrease, but not quiet either
		jest.advanceTimersByTime(3_400);
		const beforeQuiet = gate.currentRate;
		gate.accepted();
		expect(gate.currentRate - beforeQuiet).toBeCloseTo(0.015, 5);

		jest.advanceTimersByTime(200);
		const quiet = gate.currentRate;
		gate.accepted();
		gate.accepted();
		// +0.25 per acceptance: about +28 % per second, not the e-fold of the first probe.
		expect(gate.currentRate - quiet).toBeCloseTo(0.5, 5);
		jest.restoreAllMocks();
	});

	// Two workers starting together on a key whose bucket starts full: the acceptances the
	// first decrease measured include that burst, so it lands far above each one's share.
	it('cuts deeper when a request sent after the last decrease is still refused soon after', () => {
		const gate = busyGate();
		for (let i = 0; i < 60; i++) {
			jest.advanceTimersByTime(1000 / 60);
			gate.accepted();
		}
		gate.rateLimited(Date.now());
		const first = gate.currentRate;
		jest.advanceTimersByTime(300);
		gate.rateLimited(Date.now() - 100);
		expect(gate.currentRate).toBeCloseTo(first * 0.7, 5);
	});

	it('lowers the rate once per overshoot, not once per 429 of the same burst', () => {
		const gate = new RateGate({ maxPerSecond: 100 });
		const sentBefore = Date.now();
		jest.advanceTimersByTime(10);
		gate.rateLimited(sentBefore);
		const once = gate.currentRate;
		expect(once).toBeLessThan(100);
		gate.rateLimited(sentBefore);
		gate.rateLimited(sentBefore);
		expect(gate.currentRate).toBe(once);
		jest.advanceTimersByTime(10);
		gate.rateLimited(Date.now());
		expect(gate.currentRate).toBeLessThan(once);
	});

	it('settles near the rate the API accepted when a 429 arrives', () => {
		const gate = busyGate();
		// 2 s of accepted requests at 30/s while the gate probed up to a much higher rate.
		for (let i = 0; i < 60; i++) {
			jest.advanceTimersByTime(1000 / 30);
			gate.accepted();
		}
		expect(gate.currentRate).toBeGreaterThan(60);
		gate.rateLimited(Date.now());
		expect(gate.currentRate).toBeGreaterThan(25);
		expect(gate.currentRate).toBeLessThan(31);
	});

	it('applies a lower rate to requests already waiting, not only to new ones', async () => {
		const gate = new RateGate({ maxPerSecond: 100 });
		const starts: number[] = [];
		const pending = Array.from({ length: 4 }, async () => {
			const startedAt = await gate.acquire();
			starts.push(startedAt);
			gate.release();
		});
		await jest.advanceTimersByTimeAsync(1);
		expect(starts).toHaveLength(1);
		gate.rateLimited(starts[0]);
		await jest.advanceTimersByTimeAsync(5_000);
		await Promise.all(pending);
		const gaps = starts.slice(1).map((t, i) => t - starts[i]);
		// 100/s would space them 10 ms apart; after the 429 they are 1000/rate apart.
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(Math.floor(1000 / gate.currentRate));
	});

	it('lets retries go before requests that have not been sent yet', async () => {
		const gate = new RateGate({ maxPerSecond: 10 });
		const order: string[] = [];
		const first = gate.acquire().then(() => order.push('first'));
		const fresh = gate.acquire().then(() => order.push('fresh'));
		const retry = gate.acquire({ retry: true }).then(() => order.push('retry'));
		await jest.advanceTimersByTimeAsync(1_000);
		await Promise.all([first, fresh, retry]);
		expect(order).toEqual(['first', 'retry', 'fresh']);
	});

	it('pauses every request until Retry-After has passed', async () => {
		const gate = new RateGate({ maxPerSecond: 100 });
		const [first] = await acquireMany(gate, 1);
		gate.rateLimited(first, 2000);
		const [next] = await acquireMany(gate, 1);
		expect(next - first).toBeGreaterThanOrEqual(2000);
	});

	it('keeps at most maxInFlight requests open at once', async () => {
		const gate = new RateGate({ maxPerSecond: 1000, maxInFlight: 2 });
		let started = 0;
		const pending = [0, 1, 2].map(async () => {
			await gate.acquire();
			started++;
		});
		await jest.advanceTimersByTimeAsync(50);
		expect(started).toBe(2);
		gate.release();
		await jest.advanceTimersByTimeAsync(50);
		expect(started).toBe(3);
		gate.release();
		gate.release();
		await Promise.all(pending);
	});
});
