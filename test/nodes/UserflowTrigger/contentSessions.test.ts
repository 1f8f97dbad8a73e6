import { at, cursorOf, useKit } from './pollTestKit';

const kit = useKit();

describe('Userflow Trigger: content sessions', () => {
	beforeEach(() => {
		kit.emulator.store.addContent({ id: 'flow1', type: 'flow', name: 'Onboarding', createdAt: at(0) });
		kit.emulator.store.addContent({ id: 'flow2', type: 'flow', name: 'Billing tour', createdAt: at(0) });
		kit.emulator.store.addContent({ id: 'list1', type: 'checklist', name: 'Getting started', createdAt: at(0) });
		for (const id of ['u1', 'u2', 'u3']) kit.emulator.store.addUser(id, {}, at(0));
	});
	const start = (id: string, contentId: string, second: number, userId = 'u1') =>
		kit.emulator.store.addContentSession({ id, content_id: contentId, user_id: userId, createdAt: at(second) });

	it('started sessions: optionally limited to one content type, filtered here, one request when nothing is new', async () => {
		start('old', 'flow1', 1);
		const all = kit.poller({ event: 'newContentSession' });
		const checklists = kit.poller({ event: 'newContentSession', limitTo: 'contentType', contentType: 'checklist' });
		await kit.poll(all);
		await kit.poll(checklists);

		start('s1', 'flow1', 10);
		start('s2', 'list1', 11);
		start('s3', 'flow2', 11);
		const everything = await kit.poll(all);
		expect(everything.ids).toEqual(['s1', 's2', 's3']);
		expect(everything.requests[0].query).toMatchObject({ order_by: '-created_at', 'expand[]': 'content' });
		expect((await kit.poll(checklists)).ids).toEqual(['s2']);

		const quiet = await kit.poll(checklists);
		expect(quiet.ids).toEqual([]);
		expect(quiet.requests).toHaveLength(1);
	});

	it('started sessions of one content: Userflow filters by content_id', async () => {
		const poller = kit.poller({ event: 'newContentSession', limitTo: 'content', contentId: { mode: 'id', value: 'flow2' }, simplify: true });
		await kit.poll(poller);
		start('s1', 'flow1', 10);
		start('s2', 'flow2', 11);
		const { items, requests } = await kit.poll(poller);
		expect(requests[0].query).toMatchObject({ content_id: 'flow2' });
		expect(items).toEqual([
			expect.objectContaining({ id: 's2', content_id: 'flow2', content_name: 'Billing tour', content_type: 'flow', user_id: 'u1', completed: false }),
		]);
	});

	it('completed sessions: each completion once, in completion order, not again on later activity', async () => {
		const s1 = start('s1', 'flow1', 1, 'u1').id;
		const s2 = start('s2', 'list1', 2, 'u2').id;
		const s3 = start('s3', 'flow2', 3, 'u3').id;
		kit.emulator.store.completeContentSession(s3, at(5));
		const poller = kit.poller({ event: 'completedContentSession' });
		await kit.poll(poller);

		kit.emulator.store.completeContentSession(s2, at(20));
		kit.emulator.store.completeContentSession(s1, at(21));
		kit.emulator.store.touchContentSession(s3, at(22)); // completed earlier, active again
		const first = await kit.poll(poller);
		expect(first.ids).toEqual(['s2', 's1']);
		expect(first.requests[0].query).toMatchObject({ order_by: '-last_activity_at' });
		expect(first.requests).toHaveLength(1);

		// A completion at the very instant of the newest activity already read (the watermark),
		// and activity without completion.
		start('s4', 'flow1', 21, 'u3');
		kit.emulator.store.completeContentSession('s4', at(22));
		kit.emulator.store.touchContentSession(s1, at(30));
		expect((await kit.poll(poller)).ids).toEqual(['s4']);

		// Many sessions active but none completing: the watermark follows the list, so a quiet
		// poll stays one request.
		for (let i = 0; i < 150; i++) start(`busy${i}`, 'flow1', 40 + i, 'u1');
		expect((await kit.poll(poller)).ids).toEqual([]);
		const quiet = await kit.poll(poller);
		expect(quiet.ids).toEqual([]);
		expect(quiet.requests).toHaveLength(1);
		expect(cursorOf(poller)!.watermark).toBe('2024-03-01T10:03:09.000+00:00');
	});

	it('completed sessions: "Fetch Test Event" returns the latest completion, limited to a content type', async () => {
		start('s1', 'flow1', 1);
		start('s2', 'list1', 2);
		kit.emulator.store.completeContentSession('s1', at(3));
		kit.emulator.store.completeContentSession('s2', at(4));
		kit.emulator.store.touchContentSession('s1', at(9));
		const flows = kit.poller({ event: 'completedContentSession', limitTo: 'contentType', contentType: 'flow' });
		expect((await kit.poll(flows, 'manual')).ids).toEqual(['s1']);
		const any = kit.poller({ event: 'completedContentSession' });
		expect((await kit.poll(any, 'manual')).ids).toEqual(['s2']);
		expect(cursorOf(any)).toBeUndefined();
	});
});

describe('Userflow Trigger: new groups', () => {
	it('emits new groups oldest first, simplified', async () => {
		kit.emulator.store.addGroup('g0', { name: 'Old' }, at(0));
		const poller = kit.poller({ event: 'newGroup', simplify: true });
		await kit.poll(poller);
		kit.emulator.store.addGroup('g2', { name: 'Beta' }, at(6));
		kit.emulator.store.addGroup('g1', { name: 'Acme' }, at(5));
		const { items, requests } = await kit.poll(poller);
		expect(requests.map((r) => r.path)).toEqual(['/groups']);
		expect(items).toEqual([
			{ id: 'g1', name: 'Acme', created_at: '2024-03-01T10:00:05.000+00:00' },
			{ id: 'g2', name: 'Beta', created_at: '2024-03-01T10:00:06.000+00:00' },
		]);
	});

	it('switching the event starts afresh instead of flooding', async () => {
		kit.emulator.store.addGroup('g0', {}, at(0));
		kit.emulator.store.addUser('u0', {}, at(0));
		const users = kit.poller({ event: 'newUser' });
		await kit.poll(users);
		const groups = kit.restart(users, { ...{ event: 'newGroup', simplify: false, options: {} } });
		expect((await kit.poll(groups)).ids).toEqual([]);
		kit.emulator.store.addGroup('g1', {}, at(1));
		expect((await kit.poll(groups)).ids).toEqual(['g1']);
	});
});
