import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY_LIMITS, type RetryLimits } from './retryPolicy';

/**
 * The node's "Rate Limit Handling" options: one collection, read in one place. The
 * defaults shown in the editor must be literals (n8n's lint) and equal DEFAULT_RETRY_LIMITS.
 */
export const PACING_PARAMETER = 'rateLimitHandling';

const MAX_WAIT_DESCRIPTION =
	'The longest one item may take from its first attempt, every retry, timeout and pause included, before it fails. Waiting for its first turn under the rate limit is not counted.';

/**
 * Version 1 of the Userflow node keeps the text it shipped with (its description is pinned,
 * see test/fixtures/v1); Max Wait works the same there, from the first attempt.
 */
const MAX_WAIT_DESCRIPTION_V1 = 'How long one request may wait in total between retries before its item fails';

function pacingCollection(maxWaitDescription: string): INodeProperties {
	return {
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
				description: maxWaitDescription,
			},
		],
	};
}

/** The trigger's, and (its options) version 2's. */
export const pacingProperty: INodeProperties = pacingCollection(MAX_WAIT_DESCRIPTION);

/** Version 1 of the Userflow node. */
export const pacingPropertyV1: INodeProperties = pacingCollection(MAX_WAIT_DESCRIPTION_V1);

export interface PacingSettings {
	maxPerSecond?: number;
	limits: RetryLimits;
}

interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

/**
 * Version 1 of the Userflow node (and of its trigger) keeps these settings in "Rate Limit
 * Handling"; version 2 keeps them, under the same names, in the operation's Options.
 */
function rawPacingValues(ctx: ParameterReader): unknown {
	return ctx.getNodeParameter(PACING_PARAMETER, null) ?? ctx.getNodeParameter('options', {});
}

export function readPacingSettings(ctx: ParameterReader): PacingSettings {
	return pacingSettingsOf(rawPacingValues(ctx));
}

/** The settings from the collection that holds them, whichever that is (the trigger picks by version). */
export function pacingSettingsOf(values: unknown): PacingSettings {
	const raw = (values ?? {}) as {
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
