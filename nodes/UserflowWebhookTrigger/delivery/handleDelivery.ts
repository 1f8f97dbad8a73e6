/**
 * One POST from Userflow, checked in this order, each failure answered without starting
 * an execution and without a word about the secret:
 *   signature (401) → body (400) → topic asked for (200, ignored) → seen before (200) →
 *   attribute filter (200, ignored) → one execution with the notification.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isSelected } from '../events';
import { readStoredSubscription, nodeStaticData } from '../lifecycle/storedSubscription';
import { readDeliverySettings } from '../settings';
import { parseNotification } from './notification';
import { notificationOutput, passesAttributeFilter } from './output';
import { claimNotification } from './recentNotifications';
import { checkSignature, SIGNATURE_HEADER, type SignatureCheck } from './signature';

const REJECTIONS: Record<Exclude<SignatureCheck, { valid: true }>['reason'], string> = {
	missing: 'Missing Userflow-Signature header',
	malformed: 'Malformed Userflow-Signature header',
	mismatch: 'Signature does not match',
	stale: 'Signature timestamp is too old or in the future',
};

/** Answers at once with this status and body, and starts nothing. */
function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

const ignored = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, started: false, reason } });

async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = ctx.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

export async function handleDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const subscription = readStoredSubscription(ctx);
	// Without the secret nothing can be verified (e.g. a subscription this node did not create).
	if (!subscription) return answer(ctx, 401, { error: 'No Userflow subscription of this node: cannot verify the signature' });

	const rawBody = await rawBodyOf(ctx);
	if (!rawBody) {
		ctx.logger.error('Userflow Webhook Trigger: n8n passed no raw request body, so no signature can be checked');
		return answer(ctx, 500, { error: 'The raw request body is not available to verify the signature' });
	}
	const signature = checkSignature(ctx.getHeaderData()[SIGNATURE_HEADER], rawBody, subscription.secret, Date.now());
	if (!signature.valid) return answer(ctx, 401, { error: REJECTIONS[signature.reason] });

	const parsed = parseNotification(rawBody);
	if (!parsed.ok) return answer(ctx, 400, { error: parsed.problem });
	const { notification } = parsed;

	const settings = readDeliverySettings(ctx);
	if (!isSelected(settings.events, settings.eventNames, notification.topic, notification.data.object.name)) {
		return ignored(`Topic '${notification.topic}' is not one of this trigger's events`);
	}
	if (!claimNotification(nodeStaticData(ctx), subscription.id, notification.id)) {
		return ignored('Notification already received');
	}
	if (!passesAttributeFilter(notification, settings.changedAttributes)) {
		return ignored('None of the watched attributes changed');
	}
	return { workflowData: [ctx.helpers.returnJsonArray([notificationOutput(notification, settings.simplify)])] };
}
