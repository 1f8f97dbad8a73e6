import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { userflowApiRequest } from '../../shared/transport/userflowRequest';
import { checkId } from '../../shared/validation/idRule';
import { attributesOf, textOf } from '../shared/attributes';
import { scanSearch } from '../shared/scanSearch';
import { NEWEST_CREATED_FIRST } from '../../shared/listOrders';

function groupResult(group: IDataObject): INodeListSearchItems {
	const id = String(group.id);
	const name = textOf(attributesOf(group).name);
	return { name: name && name !== id ? `${name} (${id})` : id, value: id };
}

async function groupById(ctx: ILoadOptionsFunctions, id: string): Promise<IDataObject | undefined> {
	try {
		const found = await userflowApiRequest(ctx, { method: 'GET', url: `/groups/${encodeURIComponent(id)}` });
		return found?.id === undefined ? undefined : found;
	} catch {
		return undefined;
	}
}

/**
 * "From list" for groups (companies). Userflow cannot search groups: the newest groups
 * are matched by id and name, ignoring case, and an exact id is looked up directly.
 */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	const scanned = await scanSearch(
		this,
		{
			path: '/groups',
			qs: { order_by: NEWEST_CREATED_FIRST },
			haystack: (group) => [group.id, attributesOf(group).name],
			toResult: groupResult,
		},
		term,
		paginationToken,
	);
	// Only a text that can be an ID in a path is looked up directly (never `.` or `..`).
	if (!paginationToken && checkId(term, { inPath: true }).ok && !scanned.results.some((result) => result.value === term)) {
		const group = await groupById(this, term);
		if (group) scanned.results.unshift(groupResult(group));
	}
	return scanned;
}
