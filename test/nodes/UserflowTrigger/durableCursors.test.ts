/**
 * The trigger's starting position is the moment of publishing, with n8n's durable poll cursors
 * on (issue 14) as with them off: n8n 2.41 drops the cursor of the poll at publishing in
 * durable mode, so the trigger keeps its start in the workflow's static data too.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { UserflowTrigger } from '../../../nodes/UserflowTrigger/UserflowTrigger.node';
import { createDurablePoller, type DurableDatabase } from '../../harness/durable-poller';
import { at, cursorOf, useKit } from './pollTestKit';

const kit = useKit();

const ids = (result: INodeExecutionData[][] | null) => (result ? result[0].map((item) => String(item.json.id)) : []);

function durablePoller(parameters: IDataObject = { event: 'newUser' }, database?: DurableDatabase) {
	return createDurablePoller(new UserflowTrigger(), { simplify: false, ...parameters }, {
		credentials: { userflowApi: { apiKey: kit.emulator.apiKey, baseUrl: kit.emulator.baseUrl } },
		database,
	});
}

const startKeys = (staticData: IDataObject) => Object.keys((staticData.global as IDataObject | undefined) ?? {});

describe('Userflow Trigger with n8n durable poll cursors', () => {
	it('emits a record created between publishing and the first scheduled poll, once; nothing from before', async () => {
		kit.emulator.store.addUser('old', {}, at(0));
		const trigger = durablePoller();
		expect(ids(await trigger.publish())).toEqual([]);
		// n8n dropped the activation poll's cursor: the row is as it was seeded.
		expect(trigger.database.pollerState[trigger.node.id]).toEqual({});

		kit.emulator.store.addUser('u1', {}, at(10));
		expect(ids(await trigger.scheduledPoll())).toEqual(['u1']);
		expect(ids(await trigger.scheduledPoll())).toEqual([]);
		kit.emulator.store.addUser('u2', {}, at(20));
		expect(ids(await trigger.scheduledPoll())).toEqual(['u2']);
		// The start served and was removed with the execution that followed it.
		expect(startKeys(trigger.database.staticData)).toEqual([]);
	});

	it('a quiet first scheduled poll commits the start as the cursor; later records come once', async () => {
		kit.emulator.store.addUser('old', {}, at(0));
		const trigger = durablePoller();
		await trigger.publish();
		expect(ids(await trigger.scheduledPoll())).toEqual([]);
		expect(trigger.database.pollerState[trigger.node.id]).toMatchObject({ cursor: { watermark: expect.any(String) } });

		kit.emulator.store.addUser('u1', {}, at(10));
		expect(ids(await trigger.scheduledPoll())).toEqual(['u1']);
		expect(startKeys(trigger.database.staticData)).toEqual([]);
	});

	it('republished (the poller_state row kept): emits what was created meanwhile, once, and no history', async () => {
		kit.emulator.store.addUser('old', {}, at(0));
		const first = durablePoller();
		await first.publish();
		kit.emulator.store.addUser('u1', {}, at(10));
		expect(ids(await first.scheduledPoll())).toEqual(['u1']);

		kit.emulator.store.addUser('while_unpublished', {}, at(20));
		const again = durablePoller({ event: 'newUser' }, first.database);
		const atRepublish = ids(await again.publish());
		const next = ids(await again.scheduledPoll());
		expect([...atRepublish, ...next]).toEqual(['while_unpublished']);
	});

	it('republished with another event: starts at that publishing for the new event, not from its history', async () => {
		kit.emulator.store.addUser('u0', {}, at(0));
		kit.emulator.store.addGroup('g_old', {}, at(1));
		const users = durablePoller();
		await users.publish();
		await users.scheduledPoll();

		const groups = durablePoller({ event: 'newGroup' }, users.database);
		expect(ids(await groups.publish())).toEqual([]);
		kit.emulator.store.addGroup('g_new', {}, at(10));
		expect(ids(await groups.scheduledPoll())).toEqual(['g_new']);
		expect(ids(await groups.scheduledPoll())).toEqual([]);
	});
});

describe('Userflow Trigger without durable cursors (n8n keeps the cursor in static data)', () => {
	it('records the start at activation and removes it once its own cursor is in effect', async () => {
		kit.emulator.store.addUser('old', {}, at(0));
		const poller = kit.poller();
		await kit.poll(poller);
		expect(startKeys(poller.staticData)).toHaveLength(1);
		kit.emulator.store.addUser('u1', {}, at(10));
		expect((await kit.poll(poller)).ids).toEqual(['u1']);
		expect(startKeys(poller.staticData)).toEqual([]);
	});

	it('a node whose cursor is gone after emitting (renamed: n8n keys node data by name) starts afresh, repeating nothing', async () => {
		kit.emulator.store.addUser('old', {}, at(0));
		const poller = kit.poller();
		await kit.poll(poller);
		kit.emulator.store.addUser('u1', {}, at(10));
		expect((await kit.poll(poller)).ids).toEqual(['u1']);

		delete poller.staticData[`node:${poller.node.name}`];
		expect(cursorOf(poller)).toBeUndefined();
		expect((await kit.poll(poller)).ids).toEqual([]);
		kit.emulator.store.addUser('u2', {}, at(20));
		expect((await kit.poll(poller)).ids).toEqual(['u2']);
	});
});
