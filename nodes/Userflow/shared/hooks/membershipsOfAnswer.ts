import type { IDataObject } from 'n8n-workflow';

import { readExpandedList } from '../expandedList';
import { MalformedAnswerError } from '../transport/listAnswer';

/**
 * The memberships of a user read with `expand[]=memberships` (see expandedList.ts for the
 * forms read). Anything else is refused, never read as "no memberships" (Remove would then
 * report `removed: false`, and a prune could drop groups it never saw).
 */
export function membershipsOfAnswer(user: unknown): IDataObject[] {
	if (typeof user !== 'object' || user === null || Array.isArray(user)) {
		throw new MalformedAnswerError('Userflow answered with success but not with a user');
	}
	const memberships = readExpandedList((user as IDataObject).memberships);
	if (!memberships.complete) {
		throw new MalformedAnswerError(
			memberships.problem === 'partial'
				? "Userflow listed only part of the user's memberships (has_more); nothing was changed"
				: 'Userflow answered with a user without its list of memberships',
		);
	}
	return memberships.entries;
}
