import type { IDataObject } from 'n8n-workflow';

import { readExpandedList } from './expandedList';

/**
 * "Simplify": one flat object per record, the ID first and the attributes beside it, which
 * is what most workflows map into a sheet or a CRM. The record's own `id` and `created_at`
 * win over attributes of the same name. Memberships, when they were asked for (Include
 * Memberships), stay: simplified, not dropped.
 */
export function simplifyRecord(record: IDataObject): IDataObject {
	const attributes = (record.attributes ?? {}) as IDataObject;
	const simplified: IDataObject = { id: record.id, ...attributes };
	simplified.id = record.id;
	simplified.created_at = record.created_at;
	const memberships = record.memberships === undefined || record.memberships === null ? undefined : readExpandedList(record.memberships);
	if (memberships?.complete) simplified.memberships = memberships.entries.map(simplifyMembership);
	// A part of the list (or an unreadable one) is shown as Userflow sent it, never as the whole.
	else if (memberships) simplified.memberships = record.memberships;
	return simplified;
}

/**
 * A membership as one flat record: its attributes, the IDs, and the other side simplified
 * (the group of a user's membership, the user of a group's).
 */
export function simplifyMembership(membership: IDataObject): IDataObject {
	const attributes = (membership.attributes ?? {}) as IDataObject;
	const simplified: IDataObject = {
		...attributes,
		user_id: membership.user_id,
		group_id: membership.group_id,
		created_at: membership.created_at,
	};
	if (membership.user !== undefined) {
		simplified.user = membership.user ? simplifyRecord(membership.user as IDataObject) : null;
	} else {
		simplified.group = membership.group ? simplifyRecord(membership.group as IDataObject) : null;
	}
	return simplified;
}
