import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { defaultOrderQuery } from '../../shared/fields/listOrder';

import { buildGroupBody } from '../../shared/hooks/buildGroupBody';
import { getRecord } from '../../shared/hooks/getRecord';
import { groupIdInPath } from '../../shared/hooks/idInPath';
import { paginateList } from '../../shared/hooks/paginateList';
import { deleteObject, getObject } from '../../shared/hooks/sendObjectRequest';
import { sendIdempotentRequest } from '../../shared/hooks/sendRequest';
import { sendUpsertRequest } from '../../shared/skipUnchanged/sendUpsert';
import { updateExisting } from '../../shared/hooks/updateExisting';
import { groupDeleteDescription } from './delete';
import { groupGetDescription } from './get';
import { groupGetAllDescription } from './getAll';
import { groupUpdateDescription } from './update';
import { groupUpsertDescription } from './upsert';

const showOnlyForGroups = { resource: ['group'] };

export const groupDescription = (version: NodeVersion): INodeProperties[] => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForGroups },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a group',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				routing: {
					request: { method: 'POST', url: '/groups' },
					send: { paginate: true, preSend: [buildGroupBody] },
					// Skip Unchanged is a version 2 option; version 1 stays as 0.1.0 shipped it.
					operations: { pagination: version === 1 ? sendIdempotentRequest : sendUpsertRequest },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a group',
				description: 'Delete a group permanently (its users stay)',
				routing: {
					request: { method: 'DELETE', url: '/groups' },
					send: { paginate: true, preSend: [groupIdInPath] },
					operations: { pagination: deleteObject },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a group',
				routing: {
					request: { method: 'GET', url: '/groups' },
					send: { paginate: true, preSend: [groupIdInPath] },
					operations: { pagination: version === 1 ? getObject : getRecord },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many groups',
				routing: {
					request: { method: 'GET', url: '/groups', ...defaultOrderQuery(version, 'usersOrGroups') },
					send: { paginate: true },
					operations: { pagination: paginateList },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a group',
				description: 'Update an existing group; fails if the group does not exist',
				routing: {
					request: { method: 'POST', url: '/groups' },
					send: { paginate: true, preSend: [buildGroupBody] },
					operations: { pagination: updateExisting },
				},
			},
		],
		default: 'upsert',
	},
	...groupUpsertDescription(version),
	...groupUpdateDescription(version),
	...groupGetDescription(version),
	...groupGetAllDescription(version),
	...groupDeleteDescription(version),
];
