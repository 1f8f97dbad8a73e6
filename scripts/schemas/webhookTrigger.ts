/**
 * The Webhook Trigger's outputs for the schema preview: every event it offers, delivered by
 * the emulator (signed, over HTTP) to the node run the way n8n runs it, Simplify on (the
 * default). One file lists the fields of all of them, like the polling trigger's.
 */
import { post } from '../../test/emulator/helpers';
import type { UserflowEmulator } from '../../emulator';
import { UserflowWebhookTrigger } from '../../nodes/UserflowWebhookTrigger/UserflowWebhookTrigger.node';
import { TOPIC_EVENTS } from '../../nodes/UserflowWebhookTrigger/events';
import { startWebhookTrigger } from '../../test/harness';
import { SAMPLE } from './sampleEnvironment';

export async function webhookTriggerOutputs(emulator: UserflowEmulator): Promise<unknown[]> {
	const credentials = { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } };
	const trigger = await startWebhookTrigger(new UserflowWebhookTrigger(), { events: [...TOPIC_EVENTS] }, { credentials });
	try {
		await trigger.publish();
		const newUser = { id: 'u_1002', attributes: { name: 'Ben Ito', email: 'ben@example.com', plan: 'free' } };
		await post(emulator, '/users', newUser);
		await post(emulator, '/users', { id: newUser.id, attributes: { plan: 'pro' } });
		await post(emulator, '/groups', { id: 'globex', attributes: { name: 'Globex', seats: 3 } });
		await post(emulator, '/groups', { id: 'globex', attributes: { seats: 10 } });
		await post(emulator, '/events', {
			name: 'document_created',
			user_id: newUser.id,
			group_id: SAMPLE.groupId,
			attributes: { doc_type: 'report', pages: 12 },
		});
		await emulator.webhooks.settled();
		await trigger.settled();
		const failed = trigger.executions.find((execution) => execution.error !== undefined);
		if (failed) throw new Error(`Webhook Trigger failed while generating its schema: ${failed.error}`);
		const items = trigger.executions.flatMap((execution) => execution.items);
		if (items.length !== TOPIC_EVENTS.length) {
			throw new Error(`Webhook Trigger gave ${items.length} items for ${TOPIC_EVENTS.length} events`);
		}
		return items;
	} finally {
		await trigger.close();
	}
}
