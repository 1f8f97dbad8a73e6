import type { INodeProperties } from 'n8n-workflow';

import { pacingProperty } from '../transport/pacingOptions';

/**
 * Version 2's rate limit settings, inside each operation's Options (version 1 shows them in a
 * second collection, "Rate Limit Handling"). Same names, so one reader serves both
 * (readPacingSettings). Left out, Max Requests per Second lets the node find the key's limit
 * by itself, so no field has to say "0 means automatic" (version 1's does).
 */
export const rateLimitOptions: INodeProperties[] = [
	{
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 10,
		description:
			"Add this only if you know your plan's rate limit: the node then never sends faster. Without it, the node finds the limit of your API key by itself.",
	},
	// Max Retries and Max Wait as version 1 shows them (defaults equal DEFAULT_RETRY_LIMITS).
	...(pacingProperty.options as INodeProperties[]).filter((option) => option.name !== 'maxRequestsPerSecond'),
];
