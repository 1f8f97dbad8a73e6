import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../description/nodeVersion';

const CASE_HINT = 'Case-sensitive: it must match the name your flows\' triggers wait for exactly. snake_case is the convention.';

/**
 * Event Name. Version 1: plain text. Version 2: a locator whose "From list" suggests the
 * events Userflow knows plus its built-in ones (and offers the typed text as a new event),
 * so a name that differs only in letter case from a known one shows before the run;
 * "By Name" takes any text.
 */
export function eventNameField(version: NodeVersion): INodeProperties {
	if (version === 1) {
		return {
			displayName: 'Event Name',
			name: 'eventName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. feature_activated',
			description: CASE_HINT,
		};
	}
	return {
		displayName: 'Event Name',
		name: 'eventName',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			"An event Userflow knows, or a new one (type it in the search, or use By Name). Case-sensitive: it must match the name your flows' triggers wait for exactly.",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchEventNames', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. feature_activated',
			},
		],
	};
}
