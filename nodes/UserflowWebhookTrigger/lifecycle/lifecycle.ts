/**
 * n8n's webhook lifecycle for the Userflow subscription: checkExists, create, delete.
 *
 * The node only ever touches the one subscription it created, recognised by the id in its
 * static data: other tools (Pipedream, Make, Syncari, other n8n workflows) keep their own
 * subscriptions in the same environment, and none of them is read as "ours", reused or
 * removed. A subscription whose URL or topics no longer match the node is replaced, never
 * left behind.
 */
import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

import { sameTopics } from '../events';
import { readSubscriptionSettings } from '../settings';
import { reasonOf, subscriptionFailure } from './failures';
import { forgetSubscription, readStoredSubscription, storeSubscription } from './storedSubscription';
import { deleteSubscriptionById, findSubscription, postSubscription } from './subscriptionRequests';

/** The same address, however Userflow writes it back (case of the host, default port). */
function sameUrl(a: string | undefined, b: string): boolean {
	if (a === undefined) return false;
	try {
		return new URL(a).href === new URL(b).href;
	} catch {
		return a === b;
	}
}

/** n8n's URL for this node: the production URL once published, the test URL while listening. */
function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for this node');
	return url;
}

/** True only if the stored subscription still exists in Userflow, enabled, with this URL and these topics. */
export async function subscriptionExists(ctx: IHookFunctions): Promise<boolean> {
	const stored = readStoredSubscription(ctx);
	if (!stored) return false;
	const url = webhookUrl(ctx);
	const { topics } = readSubscriptionSettings(ctx);
	// The node changed (events, or n8n's WEBHOOK_URL): create() replaces the subscription.
	if (stored.url !== url || !sameTopics(stored.topics, topics)) return false;
	let remote;
	try {
		remote = await findSubscription(ctx, stored.id);
	} catch (error) {
		throw subscriptionFailure(ctx.getNode(), 'check', error, url);
	}
	if (!remote || remote.disabled === true) return false;
	return sameUrl(remote.url, url) && sameTopics(remote.topics ?? [], topics);
}

/** Replaces the node's own previous subscription (if any) with one for exactly the chosen topics. */
export async function createSubscription(ctx: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(ctx);
	const { topics } = readSubscriptionSettings(ctx);
	const previous = readStoredSubscription(ctx);
	if (previous) {
		try {
			await deleteSubscriptionById(ctx, previous.id);
		} catch (error) {
			// Creating another one would leave this one delivering: stop and say so.
			throw subscriptionFailure(ctx.getNode(), 'delete the previous', error, url);
		}
		forgetSubscription(ctx);
	}
	let created;
	try {
		created = await postSubscription(ctx, url, topics);
	} catch (error) {
		throw subscriptionFailure(ctx.getNode(), 'create', error, url);
	}
	if (typeof created.id !== 'string' || typeof created.secret !== 'string' || created.secret === '') {
		if (typeof created.id === 'string') await deleteSubscriptionById(ctx, created.id);
		throw new NodeOperationError(ctx.getNode(), 'Userflow answered without the new subscription\'s id and signing secret', {
			description: 'Without its secret no notification can be verified, so the subscription was removed again.',
		});
	}
	storeSubscription(ctx, { id: created.id, secret: created.secret, url, topics });
	return true;
}

/**
 * Removes the node's subscription. A 404 means it is already gone. Any other failure is
 * logged and the subscription stays recorded, so the next activation replaces it; throwing
 * here would stop n8n from removing its own webhook registration.
 */
export async function deleteSubscription(ctx: IHookFunctions): Promise<boolean> {
	const stored = readStoredSubscription(ctx);
	if (!stored) return true;
	try {
		await deleteSubscriptionById(ctx, stored.id);
	} catch (error) {
		ctx.logger.warn(
			`Userflow Webhook Trigger: could not delete webhook subscription ${stored.id} (${reasonOf(error)}); it is replaced on the next activation, or delete it in Userflow.`,
		);
		return false;
	}
	forgetSubscription(ctx);
	return true;
}
