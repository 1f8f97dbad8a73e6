import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { scopeOfResource } from '../../shared/attributes/specs';
import type { AttributeScope } from '../../shared/guards/nameCaseGuard';
import { textOf } from '../shared/attributes';
import { fetchAll } from '../shared/listPages';
import { byName, nameSearchResults, type KnownName } from '../shared/nameSearch';

/**
 * "From list" of version 2's attribute name locators: the attributes Userflow defines for the
 * scope, with their data type (what Type "Auto" will use), and the typed text as a new one.
 */
async function searchScope(ctx: ILoadOptionsFunctions, scope: AttributeScope, filter?: string): Promise<INodeListSearchResult> {
	const definitions = await fetchAll(ctx, '/attribute_definitions', { scope });
	const known: KnownName[] = definitions
		.filter((definition) => typeof definition.name === 'string')
		.map((definition: IDataObject) => ({
			name: String(definition.name),
			displayName: textOf(definition.display_name),
			detail: textOf(definition.data_type),
		}))
		.sort(byName);
	return nameSearchResults(known, filter ?? '', 'attribute');
}

export async function searchAttributeNamesOfResource(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchScope(this, scopeOfResource(this.getCurrentNodeParameter('resource')), filter);
}

export async function searchGroupAttributeNames(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchScope(this, 'group', filter);
}

export async function searchMembershipAttributeNames(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchScope(this, 'group_membership', filter);
}
