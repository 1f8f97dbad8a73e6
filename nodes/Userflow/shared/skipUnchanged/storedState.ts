import { readExpandedList } from '../expandedList';

/**
 * What the node keeps of the environment it read: per record only what a comparison or a
 * skipped item's output needs (creation time, attributes, and with memberships the group
 * ids and membership attributes), and each group's attributes once, however many users
 * list it. Whole records, with their expansions, are not kept.
 */
export type Attributes = Record<string, unknown>;

export interface StoredRecord {
	createdAt: unknown;
	attributes: Attributes;
	/** Group id → the membership's attributes; only when read with memberships. */
	memberships?: Map<string, Attributes>;
}

export type Collection = 'users' | 'groups';

export class StoredState {
	readonly records = new Map<string, StoredRecord>();

	/** Attributes of the collection that Userflow defines as datetimes. */
	datetimeNames: ReadonlySet<string> = new Set();

	/** Group id → attributes as seen inside users' memberships. */
	private readonly groups = new Map<string, Attributes>();

	/** Ids whose copies disagreed (changed while being read): never compared. */
	private readonly unsure = new Set<string>();

	private readonly unsureGroups = new Set<string>();

	constructor(
		readonly collection: Collection,
		readonly withMemberships: boolean,
	) {}

	/** Keeps one record from a list page; a record seen twice with different contents is dropped. */
	add(raw: unknown): string | undefined {
		if (typeof raw !== 'object' || raw === null) return undefined;
		const record = raw as { id?: unknown; created_at?: unknown; attributes?: unknown; memberships?: unknown };
		if (typeof record.id !== 'string' && typeof record.id !== 'number') return undefined;
		const id = String(record.id);
		if (this.unsure.has(id)) return id;
		const kept: StoredRecord = { createdAt: record.created_at, attributes: plainAttributes(record.attributes) };
		if (this.withMemberships) {
			const memberships = this.keepMemberships(record.memberships);
			// Without a readable list the memberships are unknown, not empty.
			if (memberships) kept.memberships = memberships;
		}
		const earlier = this.records.get(id);
		if (earlier && !sameRecord(earlier, kept)) {
			this.records.delete(id);
			this.unsure.add(id);
			return id;
		}
		this.records.set(id, kept);
		return id;
	}

	groupAttributes(groupId: string): Attributes | undefined {
		return this.unsureGroups.has(groupId) ? undefined : this.groups.get(groupId);
	}

	private keepMemberships(raw: unknown): Map<string, Attributes> | undefined {
		const list = readExpandedList(raw);
		if (!list.complete) return undefined;
		const memberships = new Map<string, Attributes>();
		for (const entry of list.entries as Array<{ group_id?: unknown; attributes?: unknown; group?: { id?: unknown; attributes?: unknown } }>) {
			const groupId = entry?.group_id ?? entry?.group?.id;
			if (typeof groupId !== 'string' && typeof groupId !== 'number') return undefined;
			memberships.set(String(groupId), plainAttributes(entry.attributes));
			if (entry.group && typeof entry.group === 'object' && entry.group.attributes !== undefined) {
				this.keepGroup(String(groupId), plainAttributes(entry.group.attributes));
			}
		}
		return memberships;
	}

	private keepGroup(groupId: string, attributes: Attributes): void {
		if (this.unsureGroups.has(groupId)) return;
		const earlier = this.groups.get(groupId);
		if (earlier && JSON.stringify(earlier) !== JSON.stringify(attributes)) {
			this.groups.delete(groupId);
			this.unsureGroups.add(groupId);
			return;
		}
		if (!earlier) this.groups.set(groupId, attributes);
	}
}

function plainAttributes(raw: unknown): Attributes {
	return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Attributes) : {};
}

function sameRecord(a: StoredRecord, b: StoredRecord): boolean {
	if (JSON.stringify(a.attributes) !== JSON.stringify(b.attributes)) return false;
	if (!a.memberships || !b.memberships) return a.memberships === b.memberships;
	return JSON.stringify([...a.memberships]) === JSON.stringify([...b.memberships]);
}
