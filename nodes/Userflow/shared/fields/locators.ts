import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../description/nodeVersion';

/**
 * Resource locators for Userflow IDs: pick one from a searchable list, or type it. The list
 * searches live in ../../methods. Every locator of one parameter offers the same modes, so a
 * value kept while the user switches operation always fits; only the mode shown first
 * differs: "From list" for objects that must exist, "By ID" where the ID may be new.
 */
export type LocatorMode = 'list' | 'id';

function idLocator(
	name: string,
	displayName: string,
	searchMethod: string,
	placeholder: string,
	defaultMode: LocatorMode = 'list',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: defaultMode, value: '' },
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

export const userIdLocator = (overrides: Partial<INodeProperties> = {}, defaultMode?: LocatorMode): INodeProperties => ({
	...idLocator('userId', 'User', 'searchUsers', 'e.g. u_42', defaultMode),
	description: 'The user\'s ID in your app: the one passed to userflow.identify()',
	...overrides,
});

export const groupIdLocator = (overrides: Partial<INodeProperties> = {}, defaultMode?: LocatorMode): INodeProperties => ({
	...idLocator('groupId', 'Group', 'searchGroups', 'e.g. acme', defaultMode),
	description: 'The group\'s (company\'s) ID in your app',
	...overrides,
});

export const contentIdLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...idLocator('contentId', 'Content', 'searchContent', 'e.g. 4f7e1c1a-...'),
	description: 'A flow, checklist or launcher',
	...overrides,
});

/**
 * The user of an operation that may create it (Create or Update, Event Track). Version 1
 * shipped a plain text field here; version 2 uses the same locator as every other operation,
 * opened on "By ID" because the ID is usually new to Userflow.
 */
export function possiblyNewUserId(version: NodeVersion, overrides: Partial<INodeProperties> = {}): INodeProperties {
	if (version === 1) {
		return {
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. u_42',
			description: 'The user\'s ID in your app: the one passed to userflow.identify()',
			...overrides,
		};
	}
	return userIdLocator(
		{
			description: 'The user\'s ID in your app (the one passed to userflow.identify()). A new ID creates the user.',
			...overrides,
		},
		'id',
	);
}

/** The group counterpart of possiblyNewUserId (Create or Update, Add to Group, Event Track). */
export function possiblyNewGroupId(version: NodeVersion, overrides: Partial<INodeProperties> = {}): INodeProperties {
	if (version === 1) {
		return {
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. acme',
			description: 'The group\'s (company\'s) ID in your app',
			...overrides,
		};
	}
	return groupIdLocator(
		{
			description: 'The group\'s (company\'s) ID in your app. A new ID creates the group.',
			...overrides,
		},
		'id',
	);
}
