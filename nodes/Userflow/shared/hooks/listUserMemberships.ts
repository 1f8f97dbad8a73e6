import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { readOutputShape, shapeOutput } from '../output/outputShape';
import { simplifyMembership } from '../simplify';
import { sendDeclarative } from '../transport/userflowRequest';
import { readLimit } from '../validation/listParameters';
import { answerProblem } from './answerProblem';
import { membershipsOfAnswer } from './membershipsOfAnswer';
import { describeObject, objectFromUrl } from './objectSubject';

/**
 * Membership Get Many: a user's groups, one item per membership, from the user read with
 * `expand[]=memberships` (Userflow answers them all at once, so Limit cuts locally).
 */
export async function listUserMemberships(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = readLimit(this);
	const shape = readOutputShape(this, false);
	const ref = objectFromUrl(requestData.options.url);
	const [response] = await sendDeclarative(this, requestData, {
		subject: ref ? { object: describeObject(ref) } : undefined,
	});
	const memberships = answerProblem(this, () => membershipsOfAnswer(response?.json));
	return memberships.slice(0, limit).map((membership) => ({ json: shapeOutput(membership, shape, simplifyMembership) }));
}
