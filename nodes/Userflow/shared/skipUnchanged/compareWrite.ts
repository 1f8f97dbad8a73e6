import { attributesChangeNothing } from './sameValue';
import type { StoredRecord, StoredState } from './storedState';

/**
 * Whether one upsert body (`POST /users` or `POST /groups`, as the node built it) would
 * leave the stored record exactly as it is. Only the fields this package sends are
 * understood; any other field makes the answer "it would change", so the item is sent.
 */
const UNDERSTOOD_FIELDS = new Set(['id', 'attributes', 'groups', 'memberships', 'prune_memberships']);

interface GroupEntry {
	id?: unknown;
	attributes?: unknown;
}

interface MembershipEntry {
	attributes?: unknown;
	group?: GroupEntry;
}

export function bodyChangesNothing(body: Record<string, unknown>, stored: StoredRecord | undefined, state: StoredState): boolean {
	// A record Userflow does not have (or that was not seen) is always written.
	if (!stored) return false;
	if (Object.keys(body).some((field) => !UNDERSTOOD_FIELDS.has(field))) return false;
	if (!attributesChangeNothing(body.attributes, stored.attributes, state.datetimeNames)) return false;
	const writesMemberships = body.groups !== undefined || body.memberships !== undefined || body.prune_memberships !== undefined;
	if (!writesMemberships) return true;
	if (state.collection !== 'users' || !stored.memberships) return false;
	return membershipsChangeNothing(body, stored.memberships, state);
}

function membershipsChangeNothing(
	body: Record<string, unknown>,
	stored: Map<string, Record<string, unknown>>,
	state: StoredState,
): boolean {
	const entries: Array<{ groupId: unknown; group: GroupEntry; membershipAttributes?: unknown }> = [];
	if (body.groups !== undefined && body.memberships !== undefined) return false;
	if (Array.isArray(body.groups)) {
		for (const group of body.groups as GroupEntry[]) entries.push({ groupId: group?.id, group: group ?? {} });
	} else if (Array.isArray(body.memberships)) {
		for (const membership of body.memberships as MembershipEntry[]) {
			const group = membership?.group ?? {};
			entries.push({ groupId: group.id, group, membershipAttributes: membership?.attributes });
		}
	} else return false;
	const listed = new Set<string>();
	for (const entry of entries) {
		if (typeof entry.groupId !== 'string') return false;
		listed.add(entry.groupId);
		const membership = stored.get(entry.groupId);
		// Not yet a member: the write adds the membership.
		if (!membership) return false;
		if (!attributesChangeNothing(entry.membershipAttributes, membership)) return false;
		if (entry.group.attributes !== undefined) {
			const groupAttributes = state.groupAttributes(entry.groupId);
			if (!groupAttributes || !attributesChangeNothing(entry.group.attributes, groupAttributes)) return false;
		}
	}
	if (body.prune_memberships === undefined || body.prune_memberships === false) return true;
	// Pruning changes nothing only when the user is in no group but the listed ones.
	if (body.prune_memberships !== true) return false;
	return [...stored.keys()].every((groupId) => listed.has(groupId));
}
