/** The route table: every endpoint of the contract, and nothing else. */
import { ApiError, notFound } from './errors';
import { listContent, getContent, listContentSessions } from './handlers/content';
import type { Handler } from './handlers/context';
import { listAttributeDefinitions, listEventDefinitions } from './handlers/definitions';
import { trackEvent } from './handlers/events';
import { deleteGroup, getGroup, listGroups, upsertGroup } from './handlers/groups';
import { deleteUser, getUser, listUsers, upsertUser } from './handlers/users';
import {
	createWebhookSubscription,
	deleteWebhookSubscription,
	listWebhookSubscriptions,
	updateWebhookSubscription,
} from './handlers/webhooks';

/** Pattern segments: a literal, or ':id' for one path segment. */
interface Route {
	method: string;
	pattern: string[];
	handler: Handler;
}

const route = (method: string, path: string, handler: Handler): Route => ({
	method,
	pattern: path.split('/').filter(Boolean),
	handler,
});

export const ROUTES: readonly Route[] = [
	route('POST', '/users', upsertUser),
	route('GET', '/users', listUsers),
	route('GET', '/users/:id', getUser),
	route('DELETE', '/users/:id', deleteUser),
	route('POST', '/groups', upsertGroup),
	route('GET', '/groups', listGroups),
	route('GET', '/groups/:id', getGroup),
	route('DELETE', '/groups/:id', deleteGroup),
	route('POST', '/events', trackEvent),
	route('GET', '/content', listContent),
	route('GET', '/content/:id', getContent),
	route('GET', '/content_sessions', listContentSessions),
	route('GET', '/attribute_definitions', listAttributeDefinitions),
	route('GET', '/event_definitions', listEventDefinitions),
	route('POST', '/webhook_subscriptions', createWebhookSubscription),
	route('GET', '/webhook_subscriptions', listWebhookSubscriptions),
	route('PATCH', '/webhook_subscriptions/:id', updateWebhookSubscription),
	route('DELETE', '/webhook_subscriptions/:id', deleteWebhookSubscription),
];

function matches(pattern: string[], segments: string[]): boolean {
	return pattern.length === segments.length && pattern.every((part, i) => part === ':id' || part === segments[i]);
}

/** The handler for a request; 404 for an unknown path, 405 for a known path with another method. */
export function findHandler(method: string, segments: string[]): Handler {
	const candidates = ROUTES.filter((r) => matches(r.pattern, segments));
	if (candidates.length === 0) throw notFound(`No such endpoint: /${segments.join('/')}`);
	const found = candidates.find((r) => r.method === method);
	if (!found) {
		const allowed = candidates.map((r) => r.method).join(', ');
		throw new ApiError(405, 'method_not_allowed', `${method} is not allowed here (allowed: ${allowed})`);
	}
	return found.handler;
}

/** True for requests that change the store (where `faultAfterWrite` applies). */
export const isWrite = (method: string) => method === 'POST' || method === 'PATCH' || method === 'DELETE';
