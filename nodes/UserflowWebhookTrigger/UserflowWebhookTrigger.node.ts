import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { handleDelivery } from './delivery/handleDelivery';
import { createSubscription, deleteSubscription, subscriptionExists } from './lifecycle/lifecycle';
import { getChangedAttributeNames } from './methods/getChangedAttributeNames';
import { searchEventNames } from './methods/searchEventNames';
import { EVENTS_SUBTITLE, webhookTriggerProperties } from './properties';

export class UserflowWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Userflow Webhook Trigger',
		name: 'userflowWebhookTrigger',
		icon: { light: 'file:../../icons/userflow.svg', dark: 'file:../../icons/userflow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description: 'Starts the workflow the moment Userflow sends a notification: users, groups, tracked events',
		defaults: { name: 'Userflow Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'userflowApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		triggerPanel: {
			header: 'Pull in events from Userflow',
			executionsHelp: {
				inactive:
					'<b>While building your workflow</b>, click "Listen for test event", then make the change in Userflow (or track the event). The node subscribes to Userflow for the test and unsubscribes afterwards.<br /><br /><b>Once you are happy with it</b>, publish the workflow: the node then subscribes with its production URL and every notification starts an execution. Userflow must be able to reach that URL (n8n\'s WEBHOOK_URL).',
				active:
					'<b>While building your workflow</b>, click "Listen for test event", then make the change in Userflow (or track the event).<br /><br /><b>Your workflow is published</b>: every notification Userflow sends starts an execution. They appear in the list of executions, not here.',
			},
			activationHint: 'Once you have finished building your workflow, publish it to have it listen to Userflow continuously.',
		},
		properties: webhookTriggerProperties,
	};

	methods = {
		listSearch: { searchEventNames },
		loadOptions: { getChangedAttributeNames },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this);
	}
}
