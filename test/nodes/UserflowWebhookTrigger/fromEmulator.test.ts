/**
 * The whole path in one process: API writes to the emulator → its signed deliveries over
 * HTTP → the node in n8n-core's contexts → one execution per notification, with what the
 * emulator stored.
 */
import { post } from '../../emulator/helpers';
import { executionsOf, subscriptions, useTrigger } from './kit';

const PARAMETERS = {
	events: ['user.created', 'user.updated', 'specificEvents'],
	specificEvents: {
		event: [
			{ eventName: { __rl: true, mode: 'list', value: 'flow_completed' } },
			{ eventName: { __rl: true, mode: 'name', value: 'question_answered' } },
		],
	},
};

describe('Userflow Webhook Trigger: notifications from the emulator', () => {
	const kit = useTrigger(PARAMETERS);

	async function settle() {
		await kit().emulator.webhooks.settled();
		await kit().trigger.settled();
	}

	it('each API write the node asked for starts exactly one execution with the stored record', async () => {
		const { emulator, trigger } = kit();
		await trigger.publish();
		await post(emulator, '/users', { id: 'u1', attributes: { name: 'Ava', plan: 'free' } });
		await post(emulator, '/users', { id: 'u1', attributes: { plan: 'pro' } });
		await post(emulator, '/events', { name: 'flow_completed', user_id: 'u1', attributes: { flow: 'Welcome tour' } });
		await post(emulator, '/events', { name: 'question_answered', user_id: 'u1', attributes: { score: 9 } });
		await post(emulator, '/events', { name: 'page_viewed', user_id: 'u1' }); // not asked for
		await post(emulator, '/groups', { id: 'g1' }); // not asked for
		await settle();

		const outputs = executionsOf(trigger).map((execution) => execution.items);
		expect(outputs.map((items) => items.length)).toEqual([1, 1, 1, 1]);
		const [created, updated, flow, answer] = outputs.map((items) => items[0]);
		expect(created).toMatchObject({ topic: 'user.created', id: 'u1', name: 'Ava', plan: 'free' });
		expect(updated).toMatchObject({
			topic: 'user.updated',
			plan: 'pro',
			previous_attributes: { plan: 'free' },
			updated_attributes: { plan: 'pro' },
		});
		expect(flow).toMatchObject({ topic: 'event.tracked.flow_completed', name: 'flow_completed', user_id: 'u1', flow: 'Welcome tour' });
		expect(answer).toMatchObject({ name: 'question_answered', score: 9 });
		expect(answer.id).toBe(emulator.store.events.find((e) => e.name === 'question_answered')?.id);
		// Only what the subscription asked for was delivered, and each once.
		expect(emulator.deliveries.map((d) => [d.notification.topic, d.state, d.attempts.map((a) => a.status)])).toEqual([
			['user.created', 'delivered', [200]],
			['user.updated', 'delivered', [200]],
			['event.tracked.flow_completed', 'delivered', [200]],
			['event.tracked.question_answered', 'delivered', [200]],
		]);
	});

	it.each([
		['signed with the wrong secret', { signature: 'wrong' as const }],
		['unsigned', { signature: 'none' as const }],
		['with stale timestamps', { timestampOffsetSeconds: -600 }],
	])('deliveries %s are refused (401) on every retry and start nothing', async (_label, webhooks) => {
		const { emulator, trigger } = kit();
		await trigger.publish();
		emulator.configure({ webhooks });
		await post(emulator, '/users', { id: 'u1' });
		await settle();
		expect(trigger.executions).toEqual([]);
		expect(emulator.deliveries).toMatchObject([{ state: 'failed', attempts: [{ status: 401 }, { status: 401 }, { status: 401 }] }]);
	});

	it('redeliveries of a notification (same id) start no second execution, even after a restart of n8n', async () => {
		const { emulator } = kit();
		await kit().trigger.publish();
		emulator.configure({ webhooks: { redeliveries: 2 } });
		await post(emulator, '/users', { id: 'u1' });
		await settle();
		expect(emulator.deliveries.map((d) => [d.redelivery, d.state])).toEqual([
			[0, 'delivered'],
			[1, 'delivered'],
			[2, 'delivered'],
		]);
		expect(executionsOf(kit().trigger)).toHaveLength(1);

		const restarted = await kit().restart();
		expect(await restarted.publish('init')).toBe(true);
		emulator.webhooks.redeliver(emulator.deliveries[0].notification.id);
		await settle();
		expect(executionsOf(restarted)).toEqual([]);
		expect(emulator.deliveries.at(-1)).toMatchObject({ state: 'delivered', attempts: [{ status: 200 }] });
	});

	it('after unpublishing, nothing is delivered and the subscription is gone', async () => {
		const { emulator, trigger } = kit();
		await trigger.publish();
		await trigger.unpublish();
		await post(emulator, '/users', { id: 'u1' });
		await settle();
		expect(subscriptions(emulator)).toEqual([]);
		expect(emulator.deliveries).toEqual([]);
		expect(trigger.executions).toEqual([]);
	});
});
