/**
 * Lifecycle failures in words about the subscription (the request layer's messages are
 * about items and events). The API key never appears: the layer's messages are already
 * free of it, and nothing here adds request details.
 */
import { NodeApiError, type INode } from 'n8n-workflow';

import { readFailure } from '../../Userflow/shared/transport/failureDetails';
import { classifyFailure } from '../../Userflow/shared/transport/retryPolicy';

export type LifecycleStep = 'check' | 'create' | 'delete the previous';

/** The layer prefixes "Item 0: "; a subscription is not an item. */
export function reasonOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.replace(/^Item \d+: /, '');
}

export function subscriptionFailure(node: INode, step: LifecycleStep, error: unknown, url: string): NodeApiError {
	const details = readFailure(error);
	const kind = classifyFailure(details.status, details.networkCode);
	const httpCode = details.status !== undefined ? String(details.status) : undefined;
	if (step === 'create' && (kind === 'serverError' || kind === 'maybeSent')) {
		return new NodeApiError(node, {}, {
			message: 'Userflow did not confirm the new webhook subscription',
			description:
				`The request was not sent again, so that no second subscription delivers every notification twice. If Userflow created it anyway, it is the one for ${url}: delete it (DELETE /webhook_subscriptions/<id>) and publish the workflow again.`,
			httpCode,
		});
	}
	const description = (error as { description?: string | null }).description ?? undefined;
	return new NodeApiError(node, {}, {
		message: `Could not ${step} the Userflow webhook subscription: ${reasonOf(error)}`,
		description,
		httpCode,
	});
}
