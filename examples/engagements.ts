/**
 * What happens in Userflow after example 06 is published: users answer the NPS survey and
 * complete flows (the events it subscribes to), and do things it did not subscribe to.
 * Written through Userflow's API, so the emulator notifies as Userflow would. Used by the
 * demo, the engine tests and the end-to-end suite.
 */
import type { IDataObject } from 'n8n-workflow';

import { USERFLOW_VERSION, type UserflowEmulator } from '../emulator';

/** Who does what in Userflow after the example is published: two of these are not subscribed to. */
export const ENGAGEMENTS: ReadonlyArray<{ userId: string; event: string }> = [
	{ userId: 'nps_user_1', event: 'question_answered' },
	{ userId: 'nps_user_1', event: 'flow_completed' },
	{ userId: 'nps_user_2', event: 'flow_completed' },
	{ userId: 'nps_user_2', event: 'page_viewed' },
	{ userId: 'nps_user_3', event: 'checklist_completed' },
];

/** The events example 06 subscribes to. */
export const ENGAGEMENT_EVENTS = ['question_answered', 'flow_completed'];

async function api(emulator: UserflowEmulator, path: string, body: IDataObject): Promise<void> {
	const response = await fetch(`${emulator.baseUrl}${path}`, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${emulator.apiKey}`,
			'Userflow-Version': USERFLOW_VERSION,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

/** The users answer the survey, complete flows and more, through Userflow's API. */
export async function engage(emulator: UserflowEmulator): Promise<void> {
	for (const userId of new Set(ENGAGEMENTS.map((e) => e.userId))) {
		if (!emulator.store.users.has(userId)) await api(emulator, '/users', { id: userId, attributes: { name: userId } });
	}
	for (const { userId, event } of ENGAGEMENTS) {
		await api(emulator, '/events', { name: event, user_id: userId, attributes: event === 'question_answered' ? { score: 9 } : {} });
	}
}
