/**
 * The subscription's life through n8n-core's HookContext, against the emulator over HTTP:
 * publish (checkExists → create), restart, changed events, deleted outside, unpublish,
 * test mode, and the other tools' subscriptions, which are never touched.
 */
import { post } from '../../emulator/helpers';
import { subscriptions, useTrigger } from './kit';

const EVENTS = { events: ['user.created', 'specificEvents'], specificEvents: { event: [{ eventName: { __rl: true, mode: 'list', value: 'flow_completed' } }] } };

describe('Userflow Webhook Trigger: subscription lifecycle', () => {
	const kit = useTrigger(EVENTS);

	it('publishing creates one subscription for the production URL with exactly the chosen topics', async () => {
		const { emulator, trigger } = kit();
		expect(await trigger.publish()).toBe(false); // checkExists said no, so create ran
		const created = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/webhook_subscriptions');
		expect(created).toHaveLength(1);
		expect(created[0].body).toEqual({
			url: trigger.productionUrl,
			topics: ['event.tracked.flow_completed', 'user.created'],
			api_version: '2020-01-03',
		});
		expect(created[0].headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
		const [subscription] = subscriptions(emulator);
		expect(subscriptions(emulator)).toHaveLength(1);
		// The id and the secret are kept in the static data n8n saves.
		expect(trigger.savedStaticData[`node:${trigger.node.name}`]).toMatchObject({
			subscription: { id: subscription.id, secret: subscription.secret, url: trigger.productionUrl },
		});
	});

	it('a restart finds its subscription (checkExists true): nothing created, nothing deleted', async () => {
		const { emulator } = kit();
		await kit().trigger.publish();
		const [before] = subscriptions(emulator);
		emulator.clearRequests();
		const restarted = await kit().restart();
		expect(await restarted.publish('init')).toBe(true);
		expect(subscriptions(emulator)).toEqual([before]);
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /webhook_subscriptions']);
	});

	it('changed events replace the subscription: the old one deleted, one new one with the new topics', async () => {
		const { emulator, trigger } = kit();
		await trigger.publish();
		const [old] = subscriptions(emulator);
		trigger.setParameters({ events: ['user.updated', 'group.created'] });
		expect(await trigger.publish('update')).toBe(false);
		const now = subscriptions(emulator);
		expect(now).toHaveLength(1);
		expect(now[0].id).not.toBe(old.id);
		expect(now[0].topics.sort()).toEqual(['group.created', 'user.updated']);
		expect(emulator.requests.some((r) => r.method === 'DELETE' && r.path === `/webhook_subscriptions/${old.id}`)).toBe(true);
	});

	it('a subscription deleted in Userflow (or disabled) is created again on the next activation', async () => {
		const { emulator, trigger } = kit();
		await trigger.publish();
		const [first] = subscriptions(emulator);
		emulator.store.webhookSubscriptions.delete(first.id);
		expect(await trigger.publish('init')).toBe(false);
		const [second] = subscriptions(emulator);
		expect(second.id).not.toBe(first.id);

		second.disabled = true;
		expect(await trigger.publish('init')).toBe(false);
		expect(subscriptions(emulator).map((s) => s.disabled)).toEqual([false]);
	});

	it('never adopts, changes or deletes another tool\'s subscription, even one with the same URL and topics', async () => {
		const { emulator, trigger } = kit();
		const foreign = [
			await post(emulator, '/webhook_subscriptions', { url: 'https://hooks.pipedream.test/abc', topics: ['*'], api_version: '2020-01-03' }),
			await post(emulator, '/webhook_subscriptions', {
				url: trigger.productionUrl,
				topics: ['event.tracked.flow_completed', 'user.created'],
				api_version: '2020-01-03',
			}),
		].map((reply) => reply.body.id as string);
		const snapshot = () => foreign.map((id) => JSON.stringify(emulator.store.webhookSubscriptions.get(id)));
		const before = snapshot();

		await trigger.publish(); // not adopted: the node creates its own
		trigger.setParameters({ events: ['group.updated'] });
		await trigger.publish('update');
		await trigger.unpublish();

		expect(snapshot()).toEqual(before);
		expect(subscriptions(emulator).map((s) => s.id).sort()).toEqual([...foreign].sort());
		const touched = emulator.requests.filter((r) => r.method !== 'GET' && foreign.some((id) => r.path.endsWith(id)));
		expect(touched).toEqual([]);
	});

	it('unpublishing deletes the subscription; one already gone (404) is no error', async () => {
		const { emulator, trigger } = kit();
		await trigger.publish();
		await trigger.unpublish();
		expect(subscriptions(emulator)).toEqual([]);
		expect(trigger.savedStaticData[`node:${trigger.node.name}`]).not.toHaveProperty('subscription');

		await trigger.publish();
		emulator.store.webhookSubscriptions.clear();
		await expect(trigger.unpublish()).resolves.toBeUndefined();
		expect(emulator.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 404 });
		expect(trigger.savedStaticData[`node:${trigger.node.name}`]).not.toHaveProperty('subscription');
	});

	it('a failed delete does not fail the deactivation; the subscription stays recorded and is replaced next time', async () => {
		const { emulator, trigger } = kit();
		await trigger.publish();
		const [kept] = subscriptions(emulator);
		emulator.configure({ faults: { serverErrorRate: 1 } });
		await expect(trigger.unpublish()).resolves.toBeUndefined();
		expect(trigger.savedStaticData[`node:${trigger.node.name}`]).toMatchObject({ subscription: { id: kept.id } });

		emulator.configure({ faults: null });
		trigger.setParameters({ events: ['user.updated'] });
		await trigger.publish();
		expect(subscriptions(emulator).map((s) => s.topics)).toEqual([['user.updated']]);
	});

	it('"Listen for test event" subscribes the test URL and removes only that subscription afterwards', async () => {
		const { emulator, trigger } = kit();
		await trigger.publish();
		const [production] = subscriptions(emulator);
		await trigger.listenForTest();
		const test = subscriptions(emulator).find((s) => s.id !== production.id);
		expect(test).toMatchObject({ url: trigger.testUrl, topics: ['event.tracked.flow_completed', 'user.created'] });
		await trigger.stopListening();
		expect(subscriptions(emulator)).toEqual([production]);
		// The published workflow's saved state still names its own subscription.
		expect(trigger.savedStaticData[`node:${trigger.node.name}`]).toMatchObject({ subscription: { id: production.id } });
	});

	it('a test subscription is removed after the test event started an execution', async () => {
		const { emulator, trigger } = kit();
		await trigger.listenForTest();
		expect(subscriptions(emulator).map((s) => s.url)).toEqual([trigger.testUrl]);
		await post(emulator, '/users', { id: 'u_test', attributes: { name: 'Test' } });
		await emulator.webhooks.settled();
		await trigger.settled();
		expect(trigger.executions).toMatchObject([{ mode: 'test', items: [{ id: 'u_test', topic: 'user.created' }] }]);
		expect(trigger.listeningForTest).toBe(false);
		expect(subscriptions(emulator)).toEqual([]);
	});

	it.each([
		['no event', { events: [] }, 'Choose at least one event under Events'],
		['Specific Events without a name', { events: ['specificEvents'], specificEvents: {} }, 'Specific Events is chosen but names no event'],
		[
			'an event name with a space',
			{ events: ['specificEvents'], specificEvents: { event: [{ eventName: { __rl: true, mode: 'name', value: 'flow completed' } }] } },
			"Specific Events: 'flow completed' is not a Userflow event name",
		],
		[
			'an event name with a dot',
			{ events: ['specificEvents'], specificEvents: { event: [{ eventName: { __rl: true, mode: 'name', value: 'flow.completed' } }] } },
			"Specific Events: 'flow.completed' is not a Userflow event name",
		],
	])('refuses to publish with %s, and subscribes to nothing', async (_label, parameters, message) => {
		const { emulator, trigger } = kit();
		trigger.setParameters(parameters);
		await expect(trigger.publish()).rejects.toThrow(message);
		expect(subscriptions(emulator)).toEqual([]);
	});

	it('a rejected API key fails the activation with a message about the subscription, without the API key', async () => {
		const { emulator, trigger } = kit();
		emulator.configure({ apiKeys: ['ak_another_key'] });
		const failure = await trigger.publish().catch((error: Error) => error);
		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toBe('Could not create the Userflow webhook subscription: Userflow rejected the API key');
		expect(JSON.stringify(failure)).not.toContain(emulator.apiKey);
	});

	it('a server error on create is not resent (no second subscription) and says what may be left', async () => {
		const { emulator, trigger } = kit();
		emulator.configure({ faults: { serverErrorRate: 1, faultAfterWrite: true } });
		const failure = (await trigger.publish().catch((error: Error) => error)) as Error & { description?: string };
		expect(failure.message).toBe('Userflow did not confirm the new webhook subscription');
		expect(failure.description).toContain(trigger.productionUrl);
		expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});
