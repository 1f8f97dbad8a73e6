import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { userflowApiRequest } from '../../shared/transport/userflowRequest';
import { checkId } from '../../shared/validation/idRule';
import { attributesOf, textOf } from '../shared/attributes';
import { fetchPage } from '../shared/listPages';
import { scanSearch } from '../shared/scanSearch';
import { NEWEST_CREATED_FIRST } from '../../shared/listOrders';

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function userResult(user: IDataObject): INodeListSearchItems {
	const attributes = attributesOf(user);
	const id = String(user.id);
	const name = textOf(attributes.name);
	const email = textOf(attributes.email);
	const label = name ?? email ?? id;
	const details = [email && email !== label ? email : undefined, id !== label ? id : undefined].filter(Boolean);
	return { name: details.length ? `${label} (${details.join(', ')})` : label, value: id };
}

/** GET /users/{id}; undefined when there is no such user (or the text is no id at all). */
async function userById(ctx: ILoadOptionsFunctions, id: string): Promise<IDataObject | undefined> {
	try {
		const found = await userflowApiRequest(ctx, { method: 'GET', url: `/users/${encodeURIComponent(id)}` });
		return found?.id === undefined ? undefined : found;
	} catch {
		return undefined;
	}
}

/**
 * "From list" for users. Userflow can filter users by exact email only: a filter that
 * looks like an email uses it; anything else (or an email with other letter case) is
 * matched against id, name and email in the newest users, and an exact id is looked up
 * directly so that older users can be found too.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	if (!paginationToken && LOOKS_LIKE_EMAIL.test(term)) {
		const exact = await fetchPage(this, '/users', { email: term });
		if (exact.data.length > 0) return { results: exact.data.map(userResult) };
	}
	const scanned = await scanSearch(
		this,
		{
			path: '/users',
			qs: { order_by: NEWEST_CREATED_FIRST },
			haystack: (user) => [user.id, attributesOf(user).name, attributesOf(user).email],
			toResult: userResult,
		},
		term,
		paginationToken,
	);
	// Only a text that can be an ID in a path is looked up directly (never `.` or `..`).
	if (!paginationToken && checkId(term, { inPath: true }).ok && !scanned.results.some((result) => result.value === term)) {
		const user = await userById(this, term);
		if (user) scanned.results.unshift(userResult(user));
	}
	return scanned;
}
