import type { IDataObject } from 'n8n-workflow';

import type { AttributeMap } from '../attributes/types';

/**
 * The user upsert's two membership forms (one per request, never both): `groups` when only
 * the group is described, `memberships` when the membership itself has attributes.
 */
export function membershipFields(
	groupId: string,
	groupAttributes: AttributeMap,
	membershipAttributes: AttributeMap,
): IDataObject {
	const group: IDataObject = { id: groupId };
	if (Object.keys(groupAttributes).length > 0) group.attributes = groupAttributes;
	if (Object.keys(membershipAttributes).length === 0) return { groups: [group] };
	return { memberships: [{ attributes: membershipAttributes, group }] };
}
