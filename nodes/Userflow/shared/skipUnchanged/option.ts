import type { INodeProperties } from 'n8n-workflow';

/** The "Skip Unchanged" option of User and Group → Create or Update. */
export const SKIP_UNCHANGED_OPTION: INodeProperties = {
	displayName: 'Skip Unchanged',
	name: 'skipUnchanged',
	type: 'boolean',
	default: false,
	description:
		'Whether to send only the items that would change something in Userflow. Costs one read of the environment per run (about 1 request per 100 records, at most 5 % of the items). Skipped items output the record as Userflow holds it, with "_skipped": true.',
};

/** Output field that tells a following node whether the item was sent. */
export const SKIPPED_FIELD = '_skipped';

/** Share of the run's items the environment read may cost, in list pages (at least one page). */
export const READ_BUDGET_SHARE = 0.05;

export function pageBudget(items: number): number {
	return Math.max(1, Math.ceil(READ_BUDGET_SHARE * items));
}

interface OptionsReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

export function skipUnchangedEnabled(ctx: OptionsReader): boolean {
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as { skipUnchanged?: unknown };
	return options.skipUnchanged === true;
}
