import type { IDataObject } from 'n8n-workflow';

import { MalformedAnswerError } from '../transport/listAnswer';

/**
 * The memberships of a user read with `expand[]=memberships`: a list of objects. Anything
 * else is refused, never read as "no memberships" (Remove would then report `removed: false`,
 * and a prune could drop groups it never saw).
 */
export function membershipsOfAnswer(user: unknown): IDataObject[] {
	if (typeof user !== 'object' || user === null || Array.isArray(user)) {
		throw new MalformedAnswerError('Userflow answered with success but not with a user');
	}
	const memberships = (user as IDataObject).memberships;
	if (!Array.isArray(memberships) || memberships.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))) {
		throw new MalformedAnswerError("Userflow answered with a user without its list of memberships");
	}
	return memberships as IDataObject[];
}
