/** Stored records to the JSON objects Userflow answers with. */
import type { EmulatorStore } from './store';
import type {
	StoredAttributeDefinition,
	StoredContent,
	StoredContentSession,
	StoredContentVersion,
	StoredEvent,
	StoredEventDefinition,
	StoredGroup,
	StoredMembership,
	StoredUser,
	StoredWebhookSubscription,
} from './types';

type Json = Record<string, unknown>;

const copyAttributes = (attributes: Record<string, unknown>) => structuredClone(attributes);

export function userJson(store: EmulatorStore, user: StoredUser, expand: readonly string[] = []): Json {
	const memberships = store.membershipsOfUser(user.id);
	return {
		object: 'user',
		id: user.id,
		created_at: user.created_at,
		attributes: copyAttributes(user.attributes),
		groups: expand.includes('groups')
			? memberships.map((m) => groupJson(store, store.groups.get(m.group_id) as StoredGroup))
			: null,
		memberships: expand.includes('memberships')
			? memberships.map((m) => ({
					...membershipJson(m),
					group: groupJson(store, store.groups.get(m.group_id) as StoredGroup),
				}))
			: null,
	};
}

export function groupJson(store: EmulatorStore, group: StoredGroup, expand: readonly string[] = []): Json {
	const json: Json = {
		object: 'group',
		id: group.id,
		created_at: group.created_at,
		attributes: copyAttributes(group.attributes),
		memberships: null,
		users: null,
	};
	if (expand.length === 0) return json;
	const memberships = store.membershipsOfGroup(group.id);
	if (expand.includes('memberships')) {
		json.memberships = memberships.map((m) => ({
			...membershipJson(m),
			user: userJson(store, store.users.get(m.user_id) as StoredUser),
		}));
	}
	if (expand.includes('users')) {
		json.users = memberships.map((m) => userJson(store, store.users.get(m.user_id) as StoredUser));
	}
	return json;
}

export function membershipJson(membership: StoredMembership): Json {
	return {
		object: 'group_membership',
		user_id: membership.user_id,
		group_id: membership.group_id,
		created_at: membership.created_at,
		attributes: copyAttributes(membership.attributes),
	};
}

export function eventJson(event: StoredEvent): Json {
	return {
		object: 'event',
		id: event.id,
		name: event.name,
		user_id: event.user_id,
		group_id: event.group_id,
		attributes: copyAttributes(event.attributes),
		time: event.time,
		created_at: event.created_at,
	};
}

function versionJson(content: StoredContent, version: StoredContentVersion | null): Json | null {
	if (!version) return null;
	return {
		object: 'content_version',
		id: version.id,
		content_id: content.id,
		number: version.number,
		created_at: version.created_at,
	};
}

export function contentJson(content: StoredContent, expand: readonly string[] = []): Json {
	const json: Json = {
		object: 'content',
		id: content.id,
		type: content.type,
		name: content.name,
		created_at: content.created_at,
		draft_version_id: content.draft_version.id,
		published_version_id: content.published_version?.id ?? null,
	};
	if (expand.includes('draft_version')) json.draft_version = versionJson(content, content.draft_version);
	if (expand.includes('published_version')) json.published_version = versionJson(content, content.published_version);
	return json;
}

export function contentSessionJson(
	store: EmulatorStore,
	session: StoredContentSession,
	expand: readonly string[] = [],
): Json {
	const json: Json = {
		object: 'content_session',
		id: session.id,
		content_id: session.content_id,
		version_id: session.version_id,
		user_id: session.user_id,
		group_id: session.group_id,
		completed: session.completed,
		completed_at: session.completed_at,
		created_at: session.created_at,
		last_activity_at: session.last_activity_at,
		is_preview: session.is_preview,
		progress: session.progress,
	};
	const content = store.content.get(session.content_id);
	if (expand.includes('answers')) json.answers = structuredClone(session.answers).map((a) => ({ object: 'content_session_answer', ...a }));
	if (expand.includes('content')) json.content = content ? contentJson(content) : null;
	if (expand.includes('group')) {
		const group = session.group_id ? store.groups.get(session.group_id) : undefined;
		json.group = group ? groupJson(store, group) : null;
	}
	if (expand.includes('version')) {
		const version = content && [content.published_version, content.draft_version].find((v) => v?.id === session.version_id);
		json.version = content && version ? versionJson(content, version) : null;
	}
	return json;
}

export function attributeDefinitionJson(definition: StoredAttributeDefinition): Json {
	return {
		object: 'attribute_definition',
		id: definition.id,
		name: definition.name,
		display_name: definition.display_name,
		description: definition.description,
		scope: definition.scope,
		data_type: definition.data_type,
		created_at: definition.created_at,
	};
}

export function eventDefinitionJson(definition: StoredEventDefinition): Json {
	return {
		object: 'event_definition',
		id: definition.id,
		name: definition.name,
		display_name: definition.display_name,
		description: definition.description,
		created_at: definition.created_at,
	};
}

/** The signing secret is shown only when the subscription is created. */
export function webhookSubscriptionJson(subscription: StoredWebhookSubscription, withSecret = false): Json {
	const json: Json = {
		object: 'webhook_subscription',
		id: subscription.id,
		url: subscription.url,
		topics: [...subscription.topics],
		api_version: subscription.api_version,
		disabled: subscription.disabled,
		created_at: subscription.created_at,
	};
	if (withSecret) json.secret = subscription.secret;
	return json;
}
