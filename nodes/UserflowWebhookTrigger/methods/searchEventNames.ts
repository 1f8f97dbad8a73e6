import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { textOf } from '../../Userflow/methods/shared/attributes';
import { fetchAll } from '../../Userflow/methods/shared/listPages';
import { matchesFilter } from '../../Userflow/methods/shared/scanSearch';
import { BUILT_IN_EVENT_NAMES } from '../eventNames';

/**
 * "From list" for Specific Events: the names this environment has seen (its event
 * definitions) and Userflow's own events (flow_completed, question_answered, ...), which
 * can be chosen before any was tracked. The value is the exact, case-sensitive name.
 */
export async function searchEventNames(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const definitions = await fetchAll(this, '/event_definitions');
	const items = new Map<string, INodeListSearchItems>();
	for (const definition of definitions) {
		const name = textOf(definition.name);
		if (!name) continue;
		const displayName = textOf(definition.display_name);
		items.set(name, { name: displayName && displayName !== name ? `${displayName} (${name})` : name, value: name });
	}
	for (const name of BUILT_IN_EVENT_NAMES) {
		if (!items.has(name)) items.set(name, { name: `${name} (built-in)`, value: name });
	}
	const needle = (filter ?? '').trim();
	const results = [...items.values()]
		.filter((item) => needle === '' || matchesFilter([item.name, item.value], needle))
		.sort((a, b) => String(a.value).localeCompare(String(b.value)));
	return { results };
}
