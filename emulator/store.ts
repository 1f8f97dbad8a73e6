/**
 * The emulator's state: plain Maps and arrays that tests read and mutate directly, plus
 * helpers that keep the bookkeeping (timestamps, insertion sequence, cascades) right.
 */
import { randomBytes } from 'node:crypto';
import { formatTimestamp, toTimestamp } from './time';
import type {
	AttributeMap,
	ContentType,
	StoredAttributeDefinition,
	StoredContent,
	StoredContentSession,
	StoredEvent,
	StoredEventDefinition,
	StoredGroup,
	StoredMembership,
	StoredUser,
	StoredWebhookSubscription,
} from './types';

export type TimeInput = Date | number | string;

/** Key of `store.memberships`: one membership per (user, group). */
export function membershipKey(userId: string, groupId: string): string {
	return `${userId}\u0000${groupId}`;
}

export class EmulatorStore {
	readonly users = new Map<string, StoredUser>();
	readonly groups = new Map<string, StoredGroup>();
	/** Keyed by `membershipKey(userId, groupId)`. */
	readonly memberships = new Map<string, StoredMembership>();
	/** Every tracked event, in arrival order (Userflow has no endpoint listing them). */
	readonly events: StoredEvent[] = [];
	readonly content = new Map<string, StoredContent>();
	readonly contentSessions = new Map<string, StoredContentSession>();
	readonly attributeDefinitions = new Map<string, StoredAttributeDefinition>();
	readonly eventDefinitions = new Map<string, StoredEventDefinition>();
	readonly webhookSubscriptions = new Map<string, StoredWebhookSubscription>();

	private sequence = 0;

	constructor(private readonly clock: () => number = Date.now) {}

	/** The current time in Userflow's format. */
	now(): string {
		return formatTimestamp(this.clock());
	}

	/** Next insertion sequence number: breaks ties between equal sort keys, oldest first. */
	nextSeq(): number {
		return ++this.sequence;
	}

	/** A fresh random id with a readable prefix, e.g. `evt_3f9a...`. */
	newId(prefix: string): string {
		return `${prefix}_${randomBytes(8).toString('hex')}`;
	}

	clear(): void {
		this.users.clear();
		this.groups.clear();
		this.memberships.clear();
		this.events.length = 0;
		this.content.clear();
		this.contentSessions.clear();
		this.attributeDefinitions.clear();
		this.eventDefinitions.clear();
		this.webhookSubscriptions.clear();
	}

	// Users and groups

	/** Inserts or replaces a user (replacing keeps nothing of the old one). */
	addUser(id: string, attributes: AttributeMap = {}, createdAt?: TimeInput): StoredUser {
		const user: StoredUser = { id, attributes: { ...attributes }, created_at: this.stamp(createdAt), seq: this.nextSeq() };
		this.users.set(id, user);
		return user;
	}

	/** Deletes a user and its memberships (its groups stay). Returns false if it did not exist. */
	deleteUser(id: string): boolean {
		if (!this.users.delete(id)) return false;
		for (const [key, membership] of this.memberships) if (membership.user_id === id) this.memberships.delete(key);
		return true;
	}

	addGroup(id: string, attributes: AttributeMap = {}, createdAt?: TimeInput): StoredGroup {
		const group: StoredGroup = { id, attributes: { ...attributes }, created_at: this.stamp(createdAt), seq: this.nextSeq() };
		this.groups.set(id, group);
		return group;
	}

	/** Deletes a group and its memberships (its users stay). */
	deleteGroup(id: string): boolean {
		if (!this.groups.delete(id)) return false;
		for (const [key, membership] of this.memberships) if (membership.group_id === id) this.memberships.delete(key);
		return true;
	}

	// Memberships

	/** Adds (or replaces) user-in-group; both must exist. */
	addMembership(userId: string, groupId: string, attributes: AttributeMap = {}, createdAt?: TimeInput): StoredMembership {
		if (!this.users.has(userId)) throw new Error(`No user '${userId}'`);
		if (!this.groups.has(groupId)) throw new Error(`No group '${groupId}'`);
		const membership: StoredMembership = {
			user_id: userId,
			group_id: groupId,
			attributes: { ...attributes },
			created_at: this.stamp(createdAt),
			seq: this.nextSeq(),
		};
		this.memberships.set(membershipKey(userId, groupId), membership);
		return membership;
	}

	getMembership(userId: string, groupId: string): StoredMembership | undefined {
		return this.memberships.get(membershipKey(userId, groupId));
	}

	removeMembership(userId: string, groupId: string): boolean {
		return this.memberships.delete(membershipKey(userId, groupId));
	}

	/** A user's memberships, oldest first. */
	membershipsOfUser(userId: string): StoredMembership[] {
		return [...this.memberships.values()].filter((m) => m.user_id === userId).sort((a, b) => a.seq - b.seq);
	}

	/** A group's memberships, oldest first. */
	membershipsOfGroup(groupId: string): StoredMembership[] {
		return [...this.memberships.values()].filter((m) => m.group_id === groupId).sort((a, b) => a.seq - b.seq);
	}

	// Events

	addEvent(input: {
		name: string;
		user_id?: string | null;
		group_id?: string | null;
		attributes?: AttributeMap;
		time?: TimeInput;
		id?: string;
	}): StoredEvent {
		const createdAt = this.now();
		const event: StoredEvent = {
			id: input.id ?? this.newId('evt'),
			name: input.name,
			user_id: input.user_id ?? null,
			group_id: input.group_id ?? null,
			attributes: { ...(input.attributes ?? {}) },
			time: input.time === undefined ? createdAt : toTimestamp(input.time),
			created_at: createdAt,
			seq: this.nextSeq(),
		};
		this.events.push(event);
		return event;
	}

	// Content (flows, checklists, launchers)

	addContent(input: {
		id?: string;
		type?: ContentType;
		name?: string;
		createdAt?: TimeInput;
		published?: boolean;
	}): StoredContent {
		const id = input.id ?? this.newId('cnt');
		const createdAt = this.stamp(input.createdAt);
		const type = input.type ?? 'flow';
		const content: StoredContent = {
			id,
			type,
			name: input.name ?? `${type} ${id}`,
			created_at: createdAt,
			seq: this.nextSeq(),
			draft_version: { id: `${id}_v2`, number: 2, created_at: createdAt },
			published_version: input.published === false ? null : { id: `${id}_v1`, number: 1, created_at: createdAt },
		};
		this.content.set(id, content);
		return content;
	}

	// Content sessions

	/** Starts a session of `content_id` for `user_id` (both must exist). */
	addContentSession(input: {
		content_id: string;
		user_id: string;
		group_id?: string | null;
		id?: string;
		createdAt?: TimeInput;
		completed?: boolean;
		completedAt?: TimeInput;
		lastActivityAt?: TimeInput;
		is_preview?: boolean;
		progress?: number | null;
	}): StoredContentSession {
		const content = this.content.get(input.content_id);
		if (!content) throw new Error(`No content '${input.content_id}'`);
		if (!this.users.has(input.user_id)) throw new Error(`No user '${input.user_id}'`);
		const createdAt = this.stamp(input.createdAt);
		const completedAt = input.completed ? this.stamp(input.completedAt ?? input.createdAt) : null;
		const session: StoredContentSession = {
			id: input.id ?? this.newId('cs'),
			content_id: content.id,
			version_id: (content.published_version ?? content.draft_version).id,
			user_id: input.user_id,
			group_id: input.group_id ?? null,
			completed: Boolean(input.completed),
			completed_at: completedAt,
			created_at: createdAt,
			last_activity_at: input.lastActivityAt ? toTimestamp(input.lastActivityAt) : (completedAt ?? createdAt),
			is_preview: input.is_preview ?? false,
			progress: input.progress === undefined ? (input.completed ? 1 : 0) : input.progress,
			answers: [],
			seq: this.nextSeq(),
		};
		this.contentSessions.set(session.id, session);
		return session;
	}

	/** Marks a session completed at `at` (default now); last activity moves with it. */
	completeContentSession(id: string, at?: TimeInput): StoredContentSession {
		const session = this.contentSessions.get(id);
		if (!session) throw new Error(`No content session '${id}'`);
		const stamp = this.stamp(at);
		session.completed = true;
		session.completed_at = stamp;
		session.last_activity_at = stamp;
		session.progress = 1;
		return session;
	}

	/** Records activity on a session without completing it. */
	touchContentSession(id: string, at?: TimeInput): StoredContentSession {
		const session = this.contentSessions.get(id);
		if (!session) throw new Error(`No content session '${id}'`);
		session.last_activity_at = this.stamp(at);
		return session;
	}

	deleteContentSession(id: string): boolean {
		return this.contentSessions.delete(id);
	}

	// Definitions

	addAttributeDefinition(input: {
		name: string;
		scope: StoredAttributeDefinition['scope'];
		data_type?: StoredAttributeDefinition['data_type'];
		display_name?: string;
		description?: string | null;
		id?: string;
		createdAt?: TimeInput;
	}): StoredAttributeDefinition {
		const definition: StoredAttributeDefinition = {
			id: input.id ?? this.newId('attr'),
			name: input.name,
			display_name: input.display_name ?? humanize(input.name),
			description: input.description ?? null,
			scope: input.scope,
			data_type: input.data_type ?? 'string',
			created_at: this.stamp(input.createdAt),
			seq: this.nextSeq(),
		};
		this.attributeDefinitions.set(definition.id, definition);
		return definition;
	}

	addEventDefinition(input: {
		name: string;
		display_name?: string;
		description?: string | null;
		id?: string;
		createdAt?: TimeInput;
	}): StoredEventDefinition {
		const definition: StoredEventDefinition = {
			id: input.id ?? this.newId('evdef'),
			name: input.name,
			display_name: input.display_name ?? humanize(input.name),
			description: input.description ?? null,
			created_at: this.stamp(input.createdAt),
			seq: this.nextSeq(),
		};
		this.eventDefinitions.set(definition.id, definition);
		return definition;
	}

	private stamp(value: TimeInput | undefined): string {
		return value === undefined ? this.now() : toTimestamp(value);
	}
}

function humanize(name: string): string {
	const spaced = name.replace(/_/g, ' ').trim();
	return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
