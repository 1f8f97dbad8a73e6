import type { IDataObject } from 'n8n-workflow';

import type { EventModel } from './cursor/sweep';
import { MOST_RECENT_ACTIVITY_FIRST, NEWEST_CREATED_FIRST } from '../Userflow/shared/listOrders';

/** Values of the `event` parameter; fixed once shipped (saved workflows store them). */
export type TriggerEvent = 'newUser' | 'newGroup' | 'newContentSession' | 'completedContentSession';

export interface EventFilters {
	/** Only sessions of this content (filtered by Userflow). */
	contentId?: string;
	/** Only sessions of this content type (filtered here: the list has no such filter). */
	contentType?: string;
}

/** How one event reads Userflow: the list, its newest-first order, and the cursor model. */
export interface EventSource {
	url: string;
	qs: IDataObject;
	model: EventModel;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

const createdModel = (matches: (item: IDataObject) => boolean = () => true): EventModel => ({
	scanKey: (item) => text(item.created_at),
	eventTime: (item) => text(item.created_at),
	matches,
	positionalTies: true,
});

function sessionMatches(filters: EventFilters): (item: IDataObject) => boolean {
	if (!filters.contentType) return () => true;
	return (item) => ((item.content ?? {}) as IDataObject).type === filters.contentType;
}

function sessionQuery(filters: EventFilters, orderBy: string): IDataObject {
	// The content comes along so the content-type filter, and the user, see its type and name.
	const qs: IDataObject = { order_by: orderBy, 'expand[]': 'content' };
	if (filters.contentId) qs.content_id = filters.contentId;
	return qs;
}

export function eventSource(event: TriggerEvent, filters: EventFilters): EventSource {
	switch (event) {
		case 'newUser':
			return { url: '/users', qs: { order_by: NEWEST_CREATED_FIRST }, model: createdModel() };
		case 'newGroup':
			return { url: '/groups', qs: { order_by: NEWEST_CREATED_FIRST }, model: createdModel() };
		case 'newContentSession':
			return {
				url: '/content_sessions',
				qs: sessionQuery(filters, NEWEST_CREATED_FIRST),
				model: createdModel(sessionMatches(filters)),
			};
		case 'completedContentSession': {
			// `completed_at` is no sort key; `last_activity_at` is, and never precedes completion.
			const matches = sessionMatches(filters);
			return {
				url: '/content_sessions',
				qs: sessionQuery(filters, MOST_RECENT_ACTIVITY_FIRST),
				model: {
					scanKey: (item) => text(item.last_activity_at),
					// A completion without a usable completed_at is an odd timestamp (see cursor/timestamps.ts).
					eventTime: (item) => (item.completed === true ? text(item.completed_at) : null),
					matches,
					positionalTies: false,
				},
			};
		}
	}
}

/** Identifies what a saved cursor was built for: another event or filter starts afresh. */
export function eventScope(event: TriggerEvent, filters: EventFilters): string {
	return JSON.stringify([event, filters.contentId ?? '', filters.contentType ?? '']);
}
