/**
 * The one subscription this node created, as kept in the node's static data: its id (to
 * recognise it among the environment's subscriptions, which other tools share), its
 * signing secret (Userflow shows it only once, on creation), and the URL and topics it was
 * created with (to notice when the node's URL or events changed).
 *
 * n8n keeps static data per activation: a published workflow's lives in n8n's database; a
 * test run ("Listen for test event") gets its own, so the test subscription never replaces
 * or removes the published one.
 */
import type { IDataObject } from 'n8n-workflow';

export interface StoredSubscription {
	id: string;
	secret: string;
	url: string;
	topics: string[];
}

const STATIC_DATA_KEY = 'subscription';

interface StaticDataOwner {
	getWorkflowStaticData(type: string): IDataObject;
}

const nodeData = (ctx: StaticDataOwner) => ctx.getWorkflowStaticData('node');

export function readStoredSubscription(ctx: StaticDataOwner): StoredSubscription | undefined {
	const stored = nodeData(ctx)[STATIC_DATA_KEY] as Partial<StoredSubscription> | undefined;
	if (!stored || typeof stored.id !== 'string' || typeof stored.secret !== 'string') return undefined;
	return {
		id: stored.id,
		secret: stored.secret,
		url: typeof stored.url === 'string' ? stored.url : '',
		topics: Array.isArray(stored.topics) ? stored.topics.map(String) : [],
	};
}

export function storeSubscription(ctx: StaticDataOwner, subscription: StoredSubscription): void {
	nodeData(ctx)[STATIC_DATA_KEY] = { ...subscription, topics: [...subscription.topics] } as unknown as IDataObject;
}

export function forgetSubscription(ctx: StaticDataOwner): void {
	delete nodeData(ctx)[STATIC_DATA_KEY];
}

export function nodeStaticData(ctx: StaticDataOwner): IDataObject {
	return nodeData(ctx);
}
