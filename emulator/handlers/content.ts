/** Read-only /content (flows, checklists, launchers) and /content_sessions. */
import { invalidParams, notFound, noSuchObject } from '../errors';
import { LIST_QUERY, listResponse } from '../lists';
import { checkQuery, parseEnumParam, parseExpand, parseStringParam } from '../request';
import { contentJson, contentSessionJson } from '../serialize';
import { timestampMs } from '../time';
import type { ContentType } from '../types';
import { ok, type Handler } from './context';

export const CONTENT_TYPES: readonly ContentType[] = ['flow', 'checklist', 'launcher'];
const CONTENT_EXPANDS = ['draft_version', 'published_version'] as const;
const SESSION_EXPANDS = ['answers', 'content', 'group', 'version'] as const;

export const listContent: Handler = (request, store) => {
	checkQuery(request.query, { single: [...LIST_QUERY, 'type'], repeated: ['expand[]'] });
	const expand = parseExpand(request.query, CONTENT_EXPANDS);
	const type = parseEnumParam(request.query, 'type', CONTENT_TYPES);
	return ok(
		listResponse(request, {
			label: 'Content',
			all: () => store.content.values(),
			get: (id) => store.content.get(id),
			filter: type === undefined ? undefined : (content) => content.type === type,
			sortKeys: { created_at: (content) => timestampMs(content.created_at), name: (content) => content.name },
			orderBy: ['created_at', '-created_at', 'name', '-name'],
			defaultOrderBy: 'created_at',
			toJson: (content) => contentJson(content, expand),
		}),
	);
};

export const getContent: Handler = (request, store) => {
	checkQuery(request.query, { repeated: ['expand[]'] });
	const expand = parseExpand(request.query, CONTENT_EXPANDS);
	const id = request.segments[1];
	const content = store.content.get(id);
	if (!content) throw notFound(noSuchObject('Content', id));
	return ok(contentJson(content, expand));
};

export const listContentSessions: Handler = (request, store) => {
	checkQuery(request.query, { single: [...LIST_QUERY, 'content_id', 'user_id'], repeated: ['expand[]'] });
	const expand = parseExpand(request.query, SESSION_EXPANDS);
	const contentId = parseStringParam(request.query, 'content_id');
	const userId = parseStringParam(request.query, 'user_id');
	// Strict choice: a filter naming nothing is an error rather than an empty list.
	if (contentId !== undefined && !store.content.has(contentId)) {
		throw invalidParams(`content_id: ${noSuchObject('Content', contentId)}`);
	}
	if (userId !== undefined && !store.users.has(userId)) throw invalidParams(`user_id: ${noSuchObject('User', userId)}`);
	return ok(
		listResponse(request, {
			label: 'Content session',
			all: () => store.contentSessions.values(),
			get: (id) => store.contentSessions.get(id),
			filter: (session) =>
				(contentId === undefined || session.content_id === contentId) && (userId === undefined || session.user_id === userId),
			sortKeys: {
				created_at: (session) => timestampMs(session.created_at),
				last_activity_at: (session) => timestampMs(session.last_activity_at),
			},
			orderBy: ['created_at', '-created_at', 'last_activity_at', '-last_activity_at'],
			defaultOrderBy: 'created_at',
			toJson: (session) => contentSessionJson(store, session, expand),
		}),
	);
};
