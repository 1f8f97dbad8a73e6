import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { textOf } from '../shared/attributes';
import { fetchAll } from '../shared/listPages';

/** Userflow's attribute scopes, as `GET /attribute_definitions?scope=` names them. */
export type AttributeScope = 'user' | 'group' | 'group_membership' | 'event';

/**
 * A definition as an option: the display name to pick by, the API name (what is sent,
 * case-sensitive) and the data type in the description.
 */
export function definitionOption(definition: IDataObject, detail?: unknown): INodePropertyOptions {
	const name = String(definition.name);
	const displayName = textOf(definition.display_name) ?? name;
	const description = [name, textOf(detail), textOf(definition.description)].filter(Boolean).join(' · ');
	return { name: displayName, value: name, description };
}

export function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || String(a.value).localeCompare(String(b.value));
}

export async function attributeNameOptions(
	ctx: ILoadOptionsFunctions,
	scope: AttributeScope,
): Promise<INodePropertyOptions[]> {
	const definitions = await fetchAll(ctx, '/attribute_definitions', { scope });
	return definitions.map((definition) => definitionOption(definition, definition.data_type)).sort(byName);
}
