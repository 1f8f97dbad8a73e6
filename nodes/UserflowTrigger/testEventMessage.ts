import { NodeOperationError, type INode } from 'n8n-workflow';

import type { EventFilters, TriggerEvent } from './events';

/**
 * "Fetch Test Event" found nothing: say what was looked for and what to do, as n8n's own
 * polling triggers do, instead of the editor's bare "No trigger output".
 */
const WHAT: Record<TriggerEvent, { thing: string; howTo: (content: string) => string }> = {
	newUser: {
		thing: 'user',
		howTo: () => 'Create a user in this Userflow environment (identify one in your app, or run a Userflow node that creates one), then fetch again.',
	},
	newGroup: {
		thing: 'group',
		howTo: () => 'Create a group (company) in this Userflow environment, then fetch again.',
	},
	newContentSession: {
		thing: 'started content session',
		howTo: (content) => `Start ${content} as a user of this environment (a preview counts), then fetch again.`,
	},
	completedContentSession: {
		thing: 'completed content session',
		howTo: (content) => `Complete ${content} as a user of this environment (a preview counts), then fetch again.`,
	},
};

/** What the user should start or complete, in the words of the filter. */
function contentToUse(filters: EventFilters): string {
	if (filters.contentId) return 'that content';
	if (filters.contentType) return `a ${filters.contentType}`;
	return 'a flow or checklist';
}

function filterText(filters: EventFilters): string {
	if (filters.contentId) return ` of the content '${filters.contentId}'`;
	if (filters.contentType) return ` of a ${filters.contentType}`;
	return '';
}

export function noTestEventError(node: INode, event: TriggerEvent, filters: EventFilters, recordsScanned: number): NodeOperationError {
	const { thing, howTo } = WHAT[event];
	const scope = filterText(filters);
	const bounded = scope !== '' || event === 'completedContentSession';
	return new NodeOperationError(node, `No ${thing}${scope} found in Userflow`, {
		description:
			`Fetch Test Event shows the newest ${thing}${scope}` +
			(bounded ? ` among the newest ${recordsScanned} records Userflow lists (Options → Max Pages per Poll)` : '') +
			`, and found none. ${howTo(contentToUse(filters))} The published workflow is not affected: it starts for each new one.`,
	});
}
