/**
 * Example workflows that start at the Userflow Webhook Trigger. As n8n does once such a
 * workflow is published, the demo and the tests subscribe the trigger (its webhook answers
 * on 127.0.0.1), make things happen through Userflow's API, let the emulator deliver its
 * signed notifications, and run the rest of the workflow once per execution the trigger
 * started. The end-to-end suite does the same activity against the real `n8n start`.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { UserflowEmulator } from '../emulator';
import { UserflowWebhookTrigger } from '../nodes/UserflowWebhookTrigger/UserflowWebhookTrigger.node';
import { runWorkflow, startWebhookTrigger, type HarnessCredentials, type WorkflowJson } from '../test/harness';
import { engage } from './engagements';

export const WEBHOOK_TRIGGER_EXAMPLES: Record<string, (emulator: UserflowEmulator) => Promise<void>> = {
	'07-record-survey-answers-and-completed-flows.json': engage,
};

export interface WebhookExampleRun {
	status: string;
	/** The last node's items over every execution. */
	output: IDataObject[];
	executions: number;
	/** One line about what the emulator delivered. */
	deliveries: string;
}

export async function runWebhookExample(
	file: string,
	workflow: WorkflowJson,
	emulator: UserflowEmulator,
	credentials: HarnessCredentials,
): Promise<WebhookExampleRun> {
	const triggerNode = workflow.nodes.find((node) => node.type === 'n8n-nodes-userflow.userflowWebhookTrigger');
	if (!triggerNode) throw new Error(`${file} has no Userflow Webhook Trigger`);
	const trigger = await startWebhookTrigger(new UserflowWebhookTrigger(), triggerNode.parameters as INodeParameters, {
		credentials,
		nodeName: triggerNode.name,
		webhookId: triggerNode.webhookId,
	});
	const deliveredBefore = emulator.deliveries.length;
	try {
		await trigger.publish();
		await WEBHOOK_TRIGGER_EXAMPLES[file](emulator);
		await emulator.webhooks.settled();
		await trigger.settled();
		await trigger.unpublish();
	} finally {
		await trigger.close();
	}
	const sources = new Set(Object.keys(workflow.connections));
	const last = workflow.nodes.filter((node) => !sources.has(node.name)).at(-1)!.name;
	const output: IDataObject[] = [];
	const failures: string[] = [];
	// n8n runs one execution per notification: so does this.
	for (const execution of trigger.executions) {
		if (execution.error) {
			failures.push(execution.error);
			continue;
		}
		const result = await runWorkflow(workflow, {
			credentials,
			pinData: { [triggerNode.name]: execution.items.map((json) => ({ json })) },
		});
		if (result.error) failures.push(result.error.message);
		else output.push(...result.itemsOf(last));
	}
	const records = emulator.deliveries.slice(deliveredBefore);
	const statuses = records.flatMap((record) => record.attempts.map((attempt) => attempt.status));
	return {
		status: failures.length > 0 ? `error: ${failures.join('; ')}` : 'success',
		output,
		executions: trigger.executions.length,
		deliveries: `${records.length} notification(s) delivered, answers ${[...new Set(statuses)].join('/') || 'none'}, ${statuses.length - records.length} retried`,
	};
}
