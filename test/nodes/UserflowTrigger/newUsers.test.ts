import { at, cursorOf, drain, useKit } from './pollTestKit';

const kit = useKit();

function addUsers(ids: string[], second: number) {
	for (const id of ids) kit.emulator.store.addUser(id, { name: id }, at(second));
}

describe('Userflow Trigger: new users', () => {
	it('records where it stands on activation, then emits only later users, oldest first, once', async () => {
		kit.emulator.seedUsers(250, { startAt: at(0) });
		const poller = kit.poller();

		const activation = await kit.poll(poller);
		expect(activation.ids).toEqual([]);
		expect(activation.requests).toHaveLength(1);
		expect(activation.requests[0].query).toMatchObject({ order_by: '-created_at', limit: '100' });
		expect(activation.requests[0].query.starting_after).toBeUndefined();

		const quiet = await kit.poll(poller);
		expect(quiet.ids).toEqual([]);
		expect(quiet.requests).toHaveLength(1);

		addUsers(['n1', 'n2'], 1000);
		addUsers(['n3'], 1001);
		const first = await kit.poll(poller);
		expect(first.ids).toEqual(['n1', 'n2', 'n3']);
		expect(first.requests).toHaveLength(1);
		expect(first.items[0]).toMatchObject({ object: 'user', id: 'n1', attributes: { name: 'n1' } });

		expect((await kit.poll(poller)).ids).toEqual([]);
	});

	it('a poll with nothing new costs one request however large the environment', async () => {
		kit.emulator.seedUsers(5000, { startAt: at(0), sameCreatedAt: 7 });
		const poller = kit.poller();
		await kit.poll(poller);
		for (let i = 0; i < 3; i++) {
			const quiet = await kit.poll(poller);
			expect(quiet.ids).toEqual([]);
			expect(quiet.requests).toHaveLength(1);
		}
		expect(JSON.stringify(poller.staticData).length).toBeLessThan(2000);
	});

	it('emits users that share the last seen created_at, whatever order Userflow gives ties', async () => {
		addUsers(['a1', 'a2', 'a3'], 10);
		const poller = kit.poller();
		await kit.poll(poller);
		expect(cursorOf(poller)).toMatchObject({ seen: ['a1', 'a2', 'a3'], positional: false });

		// Same instant as the watermark, created later: one sorts after the seen ones, one
		// (as if Userflow ordered ties by id) before all of them.
		addUsers(['a4'], 10);
		addUsers(['a0'], 10);
		kit.emulator.store.users.get('a0')!.seq = -1;
		const ties = await kit.poll(poller);
		expect(ties.ids.sort()).toEqual(['a0', 'a4']);
		expect(ties.requests).toHaveLength(1);

		addUsers(['b1', 'b2'], 10);
		addUsers(['c1'], 11);
		expect((await kit.poll(poller)).ids).toEqual(['b1', 'b2', 'c1']);
		expect((await kit.poll(poller)).ids).toEqual([]);
	});

	it('handles a bulk import of more users at one instant than a page holds (positional ties)', async () => {
		kit.emulator.seedUsers(150, { idPrefix: 'bulk', startAt: at(50), sameCreatedAt: true });
		const poller = kit.poller({ options: { maxPagesPerPoll: 2 } });
		await kit.poll(poller);
		expect(cursorOf(poller)).toMatchObject({ positional: true });
		const quiet = await kit.poll(poller);
		expect(quiet.ids).toEqual([]);
		expect(quiet.requests).toHaveLength(1);

		// The import goes on at the same instant, then beyond it.
		const more = kit.emulator.seedUsers(180, { idPrefix: 'more', startAt: at(50), sameCreatedAt: true });
		const later = kit.emulator.seedUsers(30, { idPrefix: 'later', startAt: at(51) });
		const emitted = (await drain(kit, poller)).flatMap((poll) => poll.ids);
		expect(emitted).toEqual([...more, ...later]);
		expect(JSON.stringify(poller.staticData).length).toBeLessThan(3000);
	});

	it('is not thrown off when the user it last emitted, or every user at the watermark, is deleted', async () => {
		addUsers(['old'], 0);
		const poller = kit.poller();
		await kit.poll(poller);
		addUsers(['x1', 'x2'], 5);
		expect((await kit.poll(poller)).ids).toEqual(['x1', 'x2']);

		kit.emulator.store.deleteUser('x2');
		addUsers(['x3'], 6);
		const afterDelete = await kit.poll(poller);
		expect(afterDelete.ids).toEqual(['x3']);
		expect(afterDelete.requests).toHaveLength(1);

		kit.emulator.store.deleteUser('x3');
		kit.emulator.store.deleteUser('x1');
		addUsers(['x4'], 6);
		addUsers(['x5'], 7);
		expect((await kit.poll(poller)).ids).toEqual(['x4', 'x5']);
		expect((await kit.poll(poller)).ids).toEqual([]);
	});

	it('works through a backlog larger than its page budget over several polls, in order, without gap or repeat', async () => {
		addUsers(['seed'], 0);
		const poller = kit.poller({ options: { maxPagesPerPoll: 3 } });
		await kit.poll(poller);
		// 1,050 new users, created_at ties in runs of 4 (bulk import), plus more arriving later.
		const backlog = kit.emulator.seedUsers(1050, { idPrefix: 'b', startAt: at(100), sameCreatedAt: 4 });

		const emitted: string[] = [];
		let arrivals = 0;
		const expected = [...backlog];
		const polls = [];
		for (let i = 0; i < 40; i++) {
			// Users keep arriving between polls, at the same instant as others sometimes.
			if (i % 3 === 0) {
				const id = `late${arrivals++}`;
				addUsers([id], 10_000 + arrivals);
				expected.push(id);
			}
			const { ids, requests } = await kit.poll(poller);
			polls.push(requests.length);
			emitted.push(...ids);
			expect(requests.length).toBeLessThanOrEqual(3);
			if (ids.length === 0 && cursorOf(poller)!.checkpoints.length === 0 && i > 3) break;
		}
		expect(emitted).toEqual(expected);
		// State stays small: a watermark, a few ids, a few checkpoints.
		expect(JSON.stringify(poller.staticData).length).toBeLessThan(4000);
		// The first polls could not reach the watermark and emitted nothing, yet made progress.
		expect(polls.length).toBeGreaterThan(4);
	});

	it('takes users created while it pages in the next poll, and survives deletion of checkpoint users', async () => {
		addUsers(['seed'], 0);
		const poller = kit.poller({ options: { maxPagesPerPoll: 3 } });
		await kit.poll(poller);
		const backlog = kit.emulator.seedUsers(450, { idPrefix: 'c', startAt: at(100), sameCreatedAt: 3 });
		const expected = [...backlog];
		const emitted: string[] = [];
		let during = 0;
		let deletedCheckpoints = 0;
		for (let i = 0; i < 150; i++) {
			kit.onRequest((n) => {
				// A user appears while the poll pages (after its first request).
				if (n === 2) {
					const id = `during${during++}`;
					addUsers([id], 20_000 + during);
					expected.push(id);
				}
			});
			const { ids } = await kit.poll(poller);
			emitted.push(...ids);
			// Every third poll, delete the user each checkpoint would continue after.
			const cursor = cursorOf(poller)!;
			for (const checkpoint of i % 3 === 0 ? cursor.checkpoints : []) {
				if (kit.emulator.store.deleteUser(checkpoint[0])) {
					expected.splice(expected.indexOf(checkpoint[0]), 1);
					deletedCheckpoints++;
				}
			}
			if (ids.length === 0 && cursor.checkpoints.length === 0 && i > 2) break;
		}
		// Users deleted before they were emitted are not expected; those emitted earlier stay.
		const emittedDeleted = emitted.filter((id) => !expected.includes(id));
		expect(emitted.filter((id) => expected.includes(id))).toEqual(expected);
		expect(new Set(emitted).size).toBe(emitted.length);
		for (const id of emittedDeleted) expect(kit.emulator.store.users.has(id)).toBe(false);
		expect(deletedCheckpoints).toBeGreaterThanOrEqual(2);
		expect(during).toBeGreaterThan(3);
	});

	it('continues where it was after an n8n restart (a new poller on the saved static data)', async () => {
		addUsers(['seed'], 0);
		const first = kit.poller({ options: { maxPagesPerPoll: 2 } });
		await kit.poll(first);
		const backlog = kit.emulator.seedUsers(500, { idPrefix: 'r', startAt: at(100), sameCreatedAt: 5 });
		const emitted: string[] = [];
		emitted.push(...(await kit.poll(first)).ids);
		emitted.push(...(await kit.poll(first)).ids);
		const second = kit.restart(first);
		const rest = await drain(kit, second);
		emitted.push(...rest.flatMap((poll) => poll.ids));
		expect(emitted).toEqual(backlog);
		expect(rest.every((poll) => poll.requests <= 2)).toBe(true);
	});

	it('"Fetch Test Event" returns the newest user and leaves the cursor alone', async () => {
		addUsers(['u1'], 1);
		addUsers(['u2'], 2);
		const poller = kit.poller({ simplify: true });
		const beforeActivation = await kit.poll(poller, 'manual');
		expect(beforeActivation.ids).toEqual(['u2']);
		expect(beforeActivation.items[0]).toEqual({ id: 'u2', name: 'u2', created_at: '2024-03-01T10:00:02.000+00:00' });
		expect(beforeActivation.requests).toHaveLength(1);
		expect(cursorOf(poller)).toBeUndefined();

		await kit.poll(poller);
		const saved = JSON.stringify(poller.staticData);
		addUsers(['u3'], 3);
		expect((await kit.poll(poller, 'manual')).ids).toEqual(['u3']);
		expect(JSON.stringify(poller.staticData)).toBe(saved);
		expect((await kit.poll(poller)).ids).toEqual(['u3']);
	});
});
