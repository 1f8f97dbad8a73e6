import type { IPollFunctions } from 'n8n-workflow';

import { PACING_PARAMETER, pacingSettingsOf, type PacingSettings } from '../Userflow/shared/transport/pacingOptions';
import { DEFAULT_MAX_PAGES } from './properties';

export interface TriggerOptions {
	maxPages: number;
	pacing: PacingSettings;
}

/**
 * The trigger's options, for both shapes: version 1 keeps the rate limit settings in a second
 * collection, "Rate Limit Handling"; version 1.1 keeps them, under the same names, in Options.
 * Decided by the node's version, so a parameter the version does not show is never read.
 */
export function readTriggerOptions(ctx: IPollFunctions): TriggerOptions {
	const options = ctx.getNodeParameter('options', {}) as { maxPagesPerPoll?: number };
	const pacingValues = ctx.getNode().typeVersion >= 1.1 ? options : ctx.getNodeParameter(PACING_PARAMETER, {});
	return {
		maxPages: Math.max(1, Math.floor(Number(options.maxPagesPerPoll ?? DEFAULT_MAX_PAGES)) || 1),
		pacing: pacingSettingsOf(pacingValues),
	};
}
