/** /users: upsert (with memberships), get, delete, list. */
import { applyAttributeChanges } from '../attributes';
import { defineAttributes } from '../autoDefinitions';
import { optionalArray, optionalBoolean, rejectUnknownFields, requireId, requireObject } from '../body';
import { invalidParams, notFound, noSuchObject } from '../errors';
import { LIST_QUERY, listResponse } from '../lists';
import { checkQuery, parseExpand, parseStringParam } from '../request';
import { userJson } from '../serialize';
import { membershipKey } from '../store';
import { timestampMs } from '../time';
import type { AttributeMap } from '../types';
import { emitChange, upsertChange, type StoreChange } from '../webhooks/changes';
import { deleted, ok, type Handler } from './context';

const USER_EXPANDS = ['memberships', 'groups'] as const;
const USER_FIELDS = ['id', 'attributes', 'groups', 'memberships', 'prune_memberships'] as const;

/** One group the user should be in, as read from either membership form. */
interface MembershipChange {
	groupId: string;
	groupAttributes: unknown;
	membershipAttributes: unknown;
	/** Path of the entry in the body, for error messages. */
	where: string;
	groupWhere: string;
}

function readMembershipChanges(body: Record<string, unknown>): MembershipChange[] | undefined {
	const groups = optionalArray(body.groups, 'groups');
	const memberships = optionalArray(body.memberships, 'memberships');
	if (groups && memberships) throw invalidParams('Send either groups or memberships, not both');
	let changes: MembershipChange[] | undefined;
	if (groups) {
		changes = groups.map((entry, index) => {
			const where = `groups[${index}]`;
			const group = requireObject(entry, where);
			rejectUnknownFields(group, ['id', 'attributes'], where);
			return { groupId: requireId(group.id, `${where}.id`), groupAttributes: group.attributes, membershipAttributes: undefined, where, groupWhere: where };
		});
	}
	if (memberships) {
		changes = memberships.map((entry, index) => {
			const where = `memberships[${index}]`;
			const membership = requireObject(entry, where);
			rejectUnknownFields(membership, ['attributes', 'group'], where);
			const group = requireObject(membership.group, `${where}.group`);
			rejectUnknownFields(group, ['id', 'attributes'], `${where}.group`);
			return {
				groupId: requireId(group.id, `${where}.group.id`),
				groupAttributes: group.attributes,
				membershipAttributes: membership.attributes,
				where,
				groupWhere: `${where}.group`,
			};
		});
	}
	const seen = new Set<string>();
	for (const change of changes ?? []) {
		if (seen.has(change.groupId)) throw invalidParams(`Group '${change.groupId}' is listed more than once`);
		seen.add(change.groupId);
	}
	return changes;
}

export const upsertUser: Handler = (request, store) => {
	checkQuery(request.query, {});
	const body = requireObject(request.body, 'Request body');
	rejectUnknownFields(body, USER_FIELDS, 'Request body');
	const id = requireId(body.id, 'id');
	const changes = readMembershipChanges(body);
	const prune = optionalBoolean(body.prune_memberships, 'prune_memberships');
	if (prune && !changes) throw invalidParams('prune_memberships needs a groups or memberships list');

	// Compute every new state first, so a 400 anywhere leaves the store untouched.
	const existing = store.users.get(id);
	const userAttributes =
		body.attributes === undefined
			? (existing?.attributes ?? {})
			: applyAttributeChanges(existing?.attributes ?? {}, body.attributes, 'attributes');
	const planned = (changes ?? []).map((change) => {
		const group = store.groups.get(change.groupId);
		const membership = existing ? store.getMembership(id, change.groupId) : undefined;
		const groupAttributes: AttributeMap =
			change.groupAttributes === undefined
				? (group?.attributes ?? {})
				: applyAttributeChanges(group?.attributes ?? {}, change.groupAttributes, `${change.groupWhere}.attributes`);
		const membershipAttributes: AttributeMap =
			change.membershipAttributes === undefined
				? (membership?.attributes ?? {})
				: applyAttributeChanges(membership?.attributes ?? {}, change.membershipAttributes, `${change.where}.attributes`);
		return { change, groupAttributes, membershipAttributes };
	});

	const writes: Array<StoreChange | undefined> = [upsertChange('user', id, existing?.attributes, userAttributes)];
	const user = existing ?? store.addUser(id);
	user.attributes = userAttributes;
	defineAttributes(store, 'user', userAttributes);
	for (const { change, groupAttributes, membershipAttributes } of planned) {
		writes.push(upsertChange('group', change.groupId, store.groups.get(change.groupId)?.attributes, groupAttributes));
		const group = store.groups.get(change.groupId) ?? store.addGroup(change.groupId);
		group.attributes = groupAttributes;
		defineAttributes(store, 'group', groupAttributes);
		const membership = store.getMembership(id, change.groupId) ?? store.addMembership(id, change.groupId);
		membership.attributes = membershipAttributes;
		defineAttributes(store, 'group_membership', membershipAttributes);
	}
	if (prune) {
		const keep = new Set((changes ?? []).map((change) => membershipKey(id, change.groupId)));
		for (const membership of store.membershipsOfUser(id)) {
			const key = membershipKey(membership.user_id, membership.group_id);
			if (!keep.has(key)) store.memberships.delete(key);
		}
	}
	for (const write of writes) if (write) emitChange(store, write);
	return ok(userJson(store, user));
};

export const getUser: Handler = (request, store) => {
	checkQuery(request.query, { repeated: ['expand[]'] });
	const expand = parseExpand(request.query, USER_EXPANDS);
	const id = request.segments[1];
	const user = store.users.get(id);
	if (!user) throw notFound(noSuchObject('User', id));
	return ok(userJson(store, user, expand));
};

export const deleteUser: Handler = (request, store) => {
	checkQuery(request.query, {});
	const id = request.segments[1];
	if (!store.deleteUser(id)) throw notFound(noSuchObject('User', id));
	return deleted(id);
};

export const listUsers: Handler = (request, store) => {
	checkQuery(request.query, { single: [...LIST_QUERY, 'email'], repeated: ['expand[]'] });
	const expand = parseExpand(request.query, USER_EXPANDS);
	const email = parseStringParam(request.query, 'email');
	return ok(
		listResponse(request, {
			label: 'User',
			all: () => store.users.values(),
			get: (id) => store.users.get(id),
			filter: email === undefined ? undefined : (user) => user.attributes.email === email,
			sortKeys: { created_at: (user) => timestampMs(user.created_at) },
			orderBy: ['created_at', '-created_at'],
			defaultOrderBy: 'created_at',
			toJson: (user) => userJson(store, user, expand),
		}),
	);
};
