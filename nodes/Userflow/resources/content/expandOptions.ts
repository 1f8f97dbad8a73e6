import type { INodeProperties } from 'n8n-workflow';

/**
 * "Include": the content's draft and/or published version, sent as `expand[]=...`.
 * The operation's request uses `arrayFormat: 'brackets'` so two choices become two
 * `expand[]` parameters, which is how Userflow reads them.
 */
export const contentExpandOption: INodeProperties = {
	displayName: 'Include',
	name: 'expand',
	type: 'multiOptions',
	options: [
		{ name: 'Draft Version', value: 'draft_version' },
		{ name: 'Published Version', value: 'published_version' },
	],
	default: [],
	description: 'Versions to include in each content, with their steps and tasks',
	routing: { send: { type: 'query', property: 'expand' } },
};
