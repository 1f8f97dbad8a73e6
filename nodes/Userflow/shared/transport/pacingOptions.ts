import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY_LIMITS, type RetryLimits } from './retryPolicy';

/**
 * The node's "Rate Limit Handling" options: one collection, read in one place. The
 * defaults shown in the editor must be literals (n8n's lint) and equal DEFAULT_RETRY_LIMITS.
 */
export const PACING_PARAMETER = 'rateLimitHandling';

export const pacingProperty: INodeProperties = {
	displayName: 'Rate Limit Handling',
	name: PACING_PARAMETER,
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description:
		'Userflow limits requests per API key. The node paces itself and retries rate-limited requests; these options tune it.',
	options: [
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: 0,
			description:
				'Your plan\'s limit, if you know it. 0 lets the node find the limit by itself.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 8,
			description:
				'How often one request is sent again after a rate limit, a server error or a network error',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description: 'How long one request may wait in total between retries before its item fails',
		},
	],
};

export interface PacingSettings {
	maxPerSecond?: number;
	limits: RetryLimits;
}

interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

/**
 * Version 1 of the Userflow node (and the trigger) keep these settings in "Rate Limit
 * Handling"; version 2 keeps them, under the same names, in the operation's Options.
 */
function rawPacingValues(ctx: ParameterReader): unknown {
	return ctx.getNodeParameter(PACING_PARAMETER, null) ?? ctx.getNodeParameter('options', {});
}

export function readPacingSettings(ctx: ParameterReader): PacingSettings {
	const raw = (rawPacingValues(ctx) ?? {}) as {
		maxRequestsPerSecond?: number;
		maxRetries?: number;
		maxWaitSeconds?: number;
	};
	const maxPerSecond = Number(raw.maxRequestsPerSecond) > 0 ? Number(raw.maxRequestsPerSecond) : undefined;
	return {
		maxPerSecond,
		limits: {
			maxRetries: raw.maxRetries ?? DEFAULT_RETRY_LIMITS.maxRetries,
			maxWaitMs: raw.maxWaitSeconds !== undefined ? raw.maxWaitSeconds * 1000 : DEFAULT_RETRY_LIMITS.maxWaitMs,
		},
	};
}
