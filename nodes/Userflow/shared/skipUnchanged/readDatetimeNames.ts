import type { FunctionsBase, RequestHelperFunctions } from 'n8n-workflow';

import { userflowApiRequest } from '../transport/userflowRequest';
import type { Collection } from './storedState';

/**
 * The attributes Userflow defines as datetimes for users or groups (one request, the first
 * 100 definitions). Userflow answers a datetime in its own form (`...+00:00`) whatever text
 * was sent, so a plain ISO text sent to such an attribute must be compared as an instant,
 * or a sync from a CSV or CRM export would never skip a row with a date in it. Only a
 * definition Userflow itself reports makes a text an instant: an attribute not listed (or
 * a failed lookup) is compared as text, which can only cost a skip, never a change.
 */
const SCOPES: Record<Collection, string> = { users: 'user', groups: 'group' };

interface DefinitionList {
	data?: Array<{ name?: unknown; data_type?: unknown }>;
}

type Context = FunctionsBase & { helpers: RequestHelperFunctions };

export async function readDatetimeNames(ctx: Context, collection: Collection, itemIndex: number): Promise<Set<string>> {
	try {
		const page = await userflowApiRequest<DefinitionList>(
			ctx,
			{ method: 'GET', url: '/attribute_definitions', qs: { scope: SCOPES[collection], limit: 100 } },
			{ mode: 'idempotent', itemIndex },
		);
		const names = (page?.data ?? [])
			.filter((definition) => definition?.data_type === 'datetime' && typeof definition.name === 'string')
			.map((definition) => definition.name as string);
		return new Set(names);
	} catch {
		return new Set();
	}
}
