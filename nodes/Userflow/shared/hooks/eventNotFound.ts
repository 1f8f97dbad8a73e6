import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
} from 'n8n-workflow';

import { userflowApiRequest } from '../transport/userflowRequest';
import { describeObject, objectPath } from './objectSubject';

interface Subject {
	kind: 'User' | 'Group';
	collection: 'users' | 'groups';
	id: string;
}

function subjectsOf(body: IDataObject | undefined): Subject[] {
	const subjects: Subject[] = [];
	if (typeof body?.user_id === 'string') subjects.push({ kind: 'User', collection: 'users', id: body.user_id });
	if (typeof body?.group_id === 'string') subjects.push({ kind: 'Group', collection: 'groups', id: body.group_id });
	return subjects;
}

/** 'missing', 'exists', or 'unknown' when the lookup itself failed. */
async function lookUp(ctx: IExecutePaginationFunctions, subject: Subject): Promise<'missing' | 'exists' | 'unknown'> {
	try {
		await userflowApiRequest(ctx, { method: 'GET', url: objectPath(subject.collection, subject.id) }, { itemIndex: ctx.getItemIndex() });
		return 'exists';
	} catch (error) {
		return (error as { httpCode?: string | null }).httpCode === '404' ? 'missing' : 'unknown';
	}
}

/**
 * Userflow answers a 404 to an event whose user or group it does not know, without saying
 * which. Only after such a 404 (never before: it would cost two reads per event), the user
 * and the group are read to name the one that is missing. Other errors pass unchanged.
 */
export async function explainEventNotFound(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	error: unknown,
): Promise<unknown> {
	if (!(error instanceof NodeApiError) || error.httpCode !== '404') return error;
	const subjects = subjectsOf(requestData.options.body as IDataObject | undefined);
	if (subjects.length === 0) return error;
	const found = await Promise.all(subjects.map(async (subject) => ({ subject, state: await lookUp(ctx, subject) })));
	const missing = found.filter((entry) => entry.state === 'missing').map((entry) => describeObject(entry.subject));
	const message =
		missing.length > 0
			? `${missing.join(' and ')} ${missing.length === 1 ? 'does' : 'do'} not exist in this Userflow environment; the event was not tracked`
			: `Userflow could not find the ${subjects.map((subject) => `${subject.kind.toLowerCase()} '${subject.id}'`).join(' or the ')} of this event; the event was not tracked`;
	return new NodeApiError(ctx.getNode(), {}, {
		message,
		description:
			'Userflow only tracks events for users and groups it already knows: create or update them first (Create or Update), or check the IDs and the credential\'s environment.',
		httpCode: '404',
		itemIndex: ctx.getItemIndex(),
	});
}
