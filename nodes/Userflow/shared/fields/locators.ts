import type { INodeProperties } from 'n8n-workflow';

/**
 * Resource locators for objects that already exist in Userflow: pick one from a
 * searchable list, or type its ID. The list searches live in ../../methods.
 */
function idLocator(
	name: string,
	displayName: string,
	searchMethod: string,
	placeholder: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
			},
		],
	};
}

export const userIdLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...idLocator('userId', 'User', 'searchUsers', 'e.g. u_42'),
	description: 'The user\'s ID in your app: the one passed to userflow.identify()',
	...overrides,
});

export const groupIdLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...idLocator('groupId', 'Group', 'searchGroups', 'e.g. acme'),
	description: 'The group\'s (company\'s) ID in your app',
	...overrides,
});

export const contentIdLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...idLocator('contentId', 'Content', 'searchContent', 'e.g. 4f7e1c1a-...'),
	description: 'A flow, checklist or launcher',
	...overrides,
});
