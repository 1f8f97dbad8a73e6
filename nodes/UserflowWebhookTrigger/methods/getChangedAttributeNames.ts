import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { byName, definitionOption } from '../../Userflow/methods/loadOptions/attributeNameOptions';
import { fetchAll } from '../../Userflow/methods/shared/listPages';

/**
 * Attributes an update can name: the user and group attribute definitions of this
 * environment (Userflow defines an attribute the first time it is set). One option per
 * name; the description says whose attribute it is.
 */
export async function getChangedAttributeNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const [userDefinitions, groupDefinitions] = await Promise.all([
		fetchAll(this, '/attribute_definitions', { scope: 'user' }),
		fetchAll(this, '/attribute_definitions', { scope: 'group' }),
	]);
	const options = new Map<string, INodePropertyOptions>();
	for (const [scope, definitions] of [['user', userDefinitions], ['group', groupDefinitions]] as const) {
		for (const definition of definitions) {
			const name = String(definition.name);
			const existing = options.get(name);
			if (existing) existing.description = `${existing.description ?? name} · also a ${scope} attribute`;
			else options.set(name, definitionOption(definition, `${scope} attribute`));
		}
	}
	return [...options.values()].sort(byName);
}
