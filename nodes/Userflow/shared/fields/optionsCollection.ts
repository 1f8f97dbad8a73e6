import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../description/nodeVersion';
import { rateLimitOptions } from './rateLimitOptions';

const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName, 'en');

/**
 * An operation's "Options". Version 1: the operation's own options, if any (the rate limit
 * settings sit in a second collection at the end of the node). Version 2: one collection per
 * operation that holds everything, rate limit settings included, in alphabetical order as
 * n8n lists options.
 */
export function optionsCollection(version: NodeVersion, options: INodeProperties[]): INodeProperties[] {
	const all = version === 1 ? options : [...options, ...rateLimitOptions].sort(byDisplayName);
	if (all.length === 0) return [];
	return [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: all,
		},
	];
}
