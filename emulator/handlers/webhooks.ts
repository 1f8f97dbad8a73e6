/** /webhook_subscriptions: create, update, delete, list. */
import { randomBytes } from 'node:crypto';
import { optionalBoolean, rejectUnknownFields, requireObject } from '../body';
import { invalidParams, notFound, noSuchObject } from '../errors';
import { LIST_QUERY, listResponse } from '../lists';
import { checkQuery } from '../request';
import { webhookSubscriptionJson } from '../serialize';
import { timestampMs } from '../time';
import { USERFLOW_VERSION } from '../version';
import { deleted, ok, type Handler } from './context';

const FIXED_TOPICS = ['*', 'user', 'user.created', 'user.updated', 'group', 'group.created', 'group.updated', 'event', 'event.tracked'];
const EVENT_TOPIC = /^event\.tracked\.[^\s.][^\s]*$/;

export function isWebhookTopic(topic: unknown): boolean {
	return typeof topic === 'string' && (FIXED_TOPICS.includes(topic) || EVENT_TOPIC.test(topic));
}

function readUrl(value: unknown): string {
	let url: URL;
	try {
		if (typeof value !== 'string') throw new Error();
		url = new URL(value);
	} catch {
		throw invalidParams('url must be an absolute URL');
	}
	// Userflow must reach it over the internet; plain http is allowed only for local tests.
	const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		throw invalidParams('url must use https (http only for localhost)');
	}
	return value as string;
}

function readTopics(value: unknown): string[] {
	if (!Array.isArray(value) || value.length === 0) throw invalidParams('topics must be a non-empty list');
	for (const topic of value) {
		if (!isWebhookTopic(topic)) throw invalidParams(`topics: '${String(topic)}' is not a webhook topic`);
	}
	return [...new Set(value as string[])];
}

export const createWebhookSubscription: Handler = (request, store) => {
	checkQuery(request.query, {});
	const body = requireObject(request.body, 'Request body');
	rejectUnknownFields(body, ['url', 'topics', 'api_version'], 'Request body');
	const url = readUrl(body.url);
	const topics = readTopics(body.topics);
	if (body.api_version !== USERFLOW_VERSION) throw invalidParams(`api_version must be '${USERFLOW_VERSION}'`);
	const subscription = {
		id: store.newId('whs'),
		url,
		topics,
		api_version: USERFLOW_VERSION,
		disabled: false,
		secret: `whsec_${randomBytes(24).toString('hex')}`,
		created_at: store.now(),
		seq: store.nextSeq(),
	};
	store.webhookSubscriptions.set(subscription.id, subscription);
	return ok(webhookSubscriptionJson(subscription, true));
};

export const updateWebhookSubscription: Handler = (request, store) => {
	checkQuery(request.query, {});
	const id = request.segments[1];
	const subscription = store.webhookSubscriptions.get(id);
	if (!subscription) throw notFound(noSuchObject('Webhook subscription', id));
	const body = requireObject(request.body, 'Request body');
	rejectUnknownFields(body, ['url', 'topics', 'disabled'], 'Request body');
	const url = body.url === undefined ? subscription.url : readUrl(body.url);
	const topics = body.topics === undefined ? subscription.topics : readTopics(body.topics);
	const disabled = optionalBoolean(body.disabled, 'disabled') ?? subscription.disabled;
	Object.assign(subscription, { url, topics, disabled });
	return ok(webhookSubscriptionJson(subscription));
};

export const deleteWebhookSubscription: Handler = (request, store) => {
	checkQuery(request.query, {});
	const id = request.segments[1];
	if (!store.webhookSubscriptions.delete(id)) throw notFound(noSuchObject('Webhook subscription', id));
	return deleted(id);
};

export const listWebhookSubscriptions: Handler = (request, store) => {
	checkQuery(request.query, { single: LIST_QUERY.filter((name) => name !== 'order_by') });
	return ok(
		listResponse(request, {
			label: 'Webhook subscription',
			all: () => store.webhookSubscriptions.values(),
			get: (id) => store.webhookSubscriptions.get(id),
			sortKeys: { created_at: (subscription) => timestampMs(subscription.created_at) },
			orderBy: ['created_at'],
			defaultOrderBy: 'created_at',
			toJson: (subscription) => webhookSubscriptionJson(subscription),
		}),
	);
};
