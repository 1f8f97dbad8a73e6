import type { EmulatorOptions } from '../../../emulator';
import { at, cursorOf, drain, useKit } from './pollTestKit';

const kit = useKit();

describe('Userflow Trigger: failed polls emit nothing and lose nothing', () => {
	async function activated(maxPagesPerPoll = 10) {
		kit.emulator.store.addUser('seed', {}, at(0));
		const poller = kit.poller({ options: { maxPagesPerPoll } });
		await kit.poll(poller);
		return poller;
	}

	it.each<[string, Partial<EmulatorOptions>, number]>([
		['a 5xx beyond retries', { faults: { serverErrorRate: 1 } }, 500],
		['connection resets beyond retries', { faults: { resetRate: 1 } }, 0],
		['429 beyond retries', { rateLimit: { perSecond: 0.001, burst: 1 } }, 429],
	])('%s: the poll throws, keeps its cursor, and the next poll catches up', async (_name, failure, status) => {
		const poller = await activated();
		kit.emulator.store.addUser('n1', {}, at(10));
		kit.emulator.store.addUser('n2', {}, at(11));
		const before = JSON.stringify(cursorOf(poller));

		kit.emulator.configure(failure);
		// The rate limit's one token goes to a "Fetch Test Event", which leaves the cursor alone.
		if ('rateLimit' in failure) await kit.poll(poller, 'manual');
		await expect(kit.poll(poller)).rejects.toThrow();
		// Max Retries 1: the first attempt and one retry, both failed.
		const statuses = kit.emulator.requests.map((request) => (request.status === 503 ? 500 : request.status));
		expect(statuses).toEqual([status, status]);
		expect(JSON.stringify(cursorOf(poller))).toBe(before);
		expect(poller.workflow.staticData.__dataChanged).toBe(false);

		kit.emulator.configure({ faults: null, rateLimit: null });
		kit.emulator.store.addUser('n3', {}, at(12));
		expect((await kit.poll(poller)).ids).toEqual(['n1', 'n2', 'n3']);
		expect((await kit.poll(poller)).ids).toEqual([]);
	});

	it('a failure in the middle of a multi-page poll loses none of the backlog', async () => {
		const poller = await activated(3);
		const backlog = kit.emulator.seedUsers(720, { idPrefix: 'f', startAt: at(100), sameCreatedAt: 6 });
		const emitted: string[] = [];
		let failures = 0;
		for (let i = 0; i < 60; i++) {
			// Every other poll, the third request of the poll (and its retry) fails with 503s.
			kit.onRequest((n) => {
				if (i % 2 === 1 && n === 3) kit.emulator.configure({ faults: { serverErrorRate: 1 } });
			});
			try {
				emitted.push(...(await kit.poll(poller)).ids);
			} catch {
				failures++;
			}
			kit.emulator.configure({ faults: null });
			if (i > 4 && emitted.length === backlog.length) break;
		}
		expect(failures).toBeGreaterThan(2);
		expect(emitted).toEqual(backlog);
		expect((await drain(kit, poller)).flatMap((poll) => poll.ids)).toEqual([]);
	});
});
