import type { INodeProperties } from 'n8n-workflow';

/**
 * Version 2's rate limit settings, inside each operation's Options (version 1 shows them in a
 * second collection, "Rate Limit Handling"). Same names, so one reader serves both
 * (readPacingSettings). Left out, the node finds the key's limit by itself: no field has to
 * say "0 means automatic". The defaults are literals (n8n's lint) equal to DEFAULT_RETRY_LIMITS.
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
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 8,
		description:
			'How often one request is sent again after a rate limit, a server error or a network error (8 when not set)',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 120,
		description:
			'How long one request may wait in total between retries before its item fails (120 when not set)',
	},
];
