/** /groups: upsert, get, delete, list. */
import { applyAttributeChanges } from '../attributes';
import { defineAttributes } from '../autoDefinitions';
import { rejectUnknownFields, requireId, requireObject } from '../body';
import { notFound, noSuchObject } from '../errors';
import { LIST_QUERY, listResponse } from '../lists';
import { checkQuery, parseExpand } from '../request';
import { groupJson } from '../serialize';
import { timestampMs } from '../time';
import { emitChange, upsertChange } from '../webhooks/changes';
import { deleted, ok, type Handler } from './context';

const GROUP_EXPANDS = ['memberships', 'users'] as const;

export const upsertGroup: Handler = (request, store) => {
	checkQuery(request.query, {});
	const body = requireObject(request.body, 'Request body');
	rejectUnknownFields(body, ['id', 'attributes'], 'Request body');
	const id = requireId(body.id, 'id');
	const existing = store.groups.get(id);
	const attributes =
		body.attributes === undefined
			? (existing?.attributes ?? {})
			: applyAttributeChanges(existing?.attributes ?? {}, body.attributes, 'attributes');
	const change = upsertChange('group', id, existing?.attributes, attributes);
	const group = existing ?? store.addGroup(id);
	group.attributes = attributes;
	defineAttributes(store, 'group', attributes);
	if (change) emitChange(store, change);
	return ok(groupJson(store, group));
};

export const getGroup: Handler = (request, store) => {
	checkQuery(request.query, { repeated: ['expand[]'] });
	const expand = parseExpand(request.query, GROUP_EXPANDS);
	const id = request.segments[1];
	const group = store.groups.get(id);
	if (!group) throw notFound(noSuchObject('Group', id));
	return ok(groupJson(store, group, expand));
};

export const deleteGroup: Handler = (request, store) => {
	checkQuery(request.query, {});
	const id = request.segments[1];
	if (!store.deleteGroup(id)) throw notFound(noSuchObject('Group', id));
	return deleted(id);
};

export const listGroups: Handler = (request, store) => {
	checkQuery(request.query, { single: LIST_QUERY, repeated: ['expand[]'] });
	const expand = parseExpand(request.query, GROUP_EXPANDS);
	return ok(
		listResponse(request, {
			label: 'Group',
			all: () => store.groups.values(),
			get: (id) => store.groups.get(id),
			sortKeys: { created_at: (group) => timestampMs(group.created_at) },
			orderBy: ['created_at', '-created_at'],
			defaultOrderBy: 'created_at',
			toJson: (group) => groupJson(store, group, expand),
		}),
	);
};
