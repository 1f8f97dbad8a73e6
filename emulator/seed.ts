/** Bulk seeding for tests and benchmarks, including many records sharing one `created_at`. */
import type { EmulatorStore } from './store';
import type { AttributeMap, ContentType } from './types';

export interface SeedOptions {
	/** Ids are `${idPrefix}${n}`, n counting from 1 and skipping ids already taken. */
	idPrefix?: string;
	/**
	 * true: every record gets the same `created_at`; a number n: each run of n consecutive
	 * records shares one `created_at` (ties, as in bulk imports); false/absent: all distinct.
	 */
	sameCreatedAt?: boolean | number;
	/** `created_at` of the first record; default: far enough in the past that all are older than now. */
	startAt?: Date;
	/** Gap between distinct `created_at` values; default 1000 ms. */
	stepMs?: number;
	/** Attributes of record i (0-based); replaces the defaults (name, email for users). */
	attributes?: (i: number) => AttributeMap;
}

export interface ContentSeedOptions extends Omit<SeedOptions, 'attributes'> {
	type?: ContentType | ((i: number) => ContentType);
	name?: (i: number) => string;
	/** false: the content has only a draft version. Default true. */
	published?: boolean;
}

export interface ContentSessionSeedOptions extends Omit<SeedOptions, 'attributes'> {
	contentId: string;
	/** Users the sessions belong to, used in turn; default: existing users, or `count` new ones. */
	userIds?: string[];
	groupId?: string | null;
	completed?: boolean | ((i: number) => boolean);
}

export type AttributeDefinitionSeed = Parameters<EmulatorStore['addAttributeDefinition']>[0];
export type EventDefinitionSeed = Parameters<EmulatorStore['addEventDefinition']>[0];

/** One `created_at` (epoch ms) per record. */
function createdAtTimes(count: number, options: SeedOptions, nowMs: number): number[] {
	const step = options.stepMs ?? 1000;
	const start = options.startAt?.getTime() ?? nowMs - (count + 1) * step;
	const same = options.sameCreatedAt;
	return Array.from({ length: count }, (_, i) => {
		if (same === true) return start;
		if (typeof same === 'number' && same > 0) return start + Math.floor(i / same) * step;
		return start + i * step;
	});
}

function freshIds(count: number, prefix: string, taken: (id: string) => boolean): string[] {
	const ids: string[] = [];
	for (let n = 1; ids.length < count; n++) {
		const id = `${prefix}${n}`;
		if (!taken(id)) ids.push(id);
	}
	return ids;
}

export function seedUsers(store: EmulatorStore, count: number, options: SeedOptions = {}): string[] {
	const ids = freshIds(count, options.idPrefix ?? 'user_', (id) => store.users.has(id));
	const times = createdAtTimes(count, options, Date.parse(store.now()));
	ids.forEach((id, i) => {
		store.addUser(id, options.attributes?.(i) ?? { name: `User ${id}`, email: `${id}@example.com` }, times[i]);
	});
	return ids;
}

export function seedGroups(store: EmulatorStore, count: number, options: SeedOptions = {}): string[] {
	const ids = freshIds(count, options.idPrefix ?? 'group_', (id) => store.groups.has(id));
	const times = createdAtTimes(count, options, Date.parse(store.now()));
	ids.forEach((id, i) => store.addGroup(id, options.attributes?.(i) ?? { name: `Group ${id}` }, times[i]));
	return ids;
}

export function seedContent(store: EmulatorStore, count: number, options: ContentSeedOptions = {}): string[] {
	const ids = freshIds(count, options.idPrefix ?? 'content_', (id) => store.content.has(id));
	const times = createdAtTimes(count, options, Date.parse(store.now()));
	ids.forEach((id, i) => {
		const type = typeof options.type === 'function' ? options.type(i) : (options.type ?? 'flow');
		store.addContent({
			id,
			type,
			name: options.name?.(i) ?? `${type.charAt(0).toUpperCase()}${type.slice(1)} ${id}`,
			createdAt: times[i],
			published: options.published,
		});
	});
	return ids;
}

export function seedContentSessions(store: EmulatorStore, count: number, options: ContentSessionSeedOptions): string[] {
	if (!store.content.has(options.contentId)) throw new Error(`No content '${options.contentId}'`);
	let userIds = options.userIds ?? [...store.users.keys()];
	if (userIds.length === 0) userIds = seedUsers(store, count);
	const ids = freshIds(count, options.idPrefix ?? 'session_', (id) => store.contentSessions.has(id));
	const times = createdAtTimes(count, options, Date.parse(store.now()));
	ids.forEach((id, i) => {
		const completed = typeof options.completed === 'function' ? options.completed(i) : Boolean(options.completed);
		store.addContentSession({
			id,
			content_id: options.contentId,
			user_id: userIds[i % userIds.length],
			group_id: options.groupId ?? null,
			createdAt: times[i],
			completed,
		});
	});
	return ids;
}

export function seedAttributeDefinitions(store: EmulatorStore, definitions: AttributeDefinitionSeed[]): string[] {
	return definitions.map((definition) => store.addAttributeDefinition(definition).id);
}

export function seedEventDefinitions(store: EmulatorStore, definitions: EventDefinitionSeed[]): string[] {
	return definitions.map((definition) => store.addEventDefinition(definition).id);
}

