import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchAll } from '../shared/listPages';
import { byName, definitionOption } from './attributeNameOptions';

/** The event names this Userflow environment has seen (names are case-sensitive). */
export async function getEventNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const definitions = await fetchAll(this, '/event_definitions');
	return definitions.map((definition) => definitionOption(definition)).sort(byName);
}
