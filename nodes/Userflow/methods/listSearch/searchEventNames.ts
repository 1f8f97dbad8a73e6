import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { textOf } from '../shared/attributes';
import { fetchAll } from '../shared/listPages';
import { byName, nameSearchResults, type KnownName } from '../shared/nameSearch';

/** Events Userflow tracks by itself (the contract's list); flows can wait for these too. */
export const BUILT_IN_EVENT_NAMES = [
	'flow_started',
	'flow_completed',
	'flow_ended',
	'flow_step_seen',
	'question_answered',
	'checklist_started',
	'checklist_completed',
	'checklist_ended',
	'checklist_task_completed',
	'checklist_task_clicked',
	'launcher_seen',
	'launcher_activated',
	'launcher_dismissed',
	'resource_center_opened',
	'resource_center_closed',
	'banner_seen',
	'announcement_seen',
	'page_viewed',
] as const;

/**
 * "From list" of version 2's Event Name: the events this Userflow environment has seen (the
 * ones a workflow usually tracks), then Userflow's built-in ones it has not seen yet, and the
 * typed text as a new event.
 */
export async function searchEventNames(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const definitions = await fetchAll(this, '/event_definitions');
	const known: KnownName[] = definitions
		.filter((definition) => typeof definition.name === 'string')
		.map((definition) => ({ name: String(definition.name), displayName: textOf(definition.display_name) }))
		.sort(byName);
	const seen = new Set(known.map((entry) => entry.name));
	const builtIn = BUILT_IN_EVENT_NAMES.filter((name) => !seen.has(name)).map((name) => ({ name, detail: 'built-in' }));
	return nameSearchResults([...known, ...builtIn.sort(byName)], filter ?? '', 'event');
}
