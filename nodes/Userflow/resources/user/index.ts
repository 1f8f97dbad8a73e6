import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { defaultOrderQuery } from '../../shared/fields/listOrder';
import { buildUserUpdateBody, buildUserUpsertBody } from '../../shared/hooks/buildUserBody';
import { getRecord } from '../../shared/hooks/getRecord';
import { userIdInPath } from '../../shared/hooks/idInPath';
import { paginateList } from '../../shared/hooks/paginateList';
import { deleteObject, getObject } from '../../shared/hooks/sendObjectRequest';
import { sendIdempotentRequest } from '../../shared/hooks/sendRequest';
import { sendUpsertRequest } from '../../shared/skipUnchanged/sendUpsert';
import { updateExisting } from '../../shared/hooks/updateExisting';
import { userDeleteDescription } from './delete';
import { userGetDescription } from './get';
import { userGetAllDescription } from './getAll';
import { userUpdateDescription } from './update';
import { userUpsertDescription } from './upsert';

const showOnlyForUsers = { resource: ['user'] };

export const userDescription = (version: NodeVersion): INodeProperties[] => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForUsers },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a user',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				routing: {
					request: { method: 'POST', url: '/users' },
					send: { paginate: true, preSend: [buildUserUpsertBody] },
					// Skip Unchanged is a version 2 option; version 1 stays as 0.1.0 shipped it.
					operations: { pagination: version === 1 ? sendIdempotentRequest : sendUpsertRequest },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a user',
				description: 'Delete a user permanently (their groups stay)',
				routing: {
					request: { method: 'DELETE', url: '/users' },
					send: { paginate: true, preSend: [userIdInPath] },
					operations: { pagination: deleteObject },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				routing: {
					request: { method: 'GET', url: '/users' },
					send: { paginate: true, preSend: [userIdInPath] },
					operations: { pagination: version === 1 ? getObject : getRecord },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				routing: {
					request: { method: 'GET', url: '/users', ...defaultOrderQuery(version, 'usersOrGroups') },
					send: { paginate: true },
					operations: { pagination: paginateList },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a user',
				description: 'Update an existing user; fails if the user does not exist',
				routing: {
					request: { method: 'POST', url: '/users' },
					send: { paginate: true, preSend: [buildUserUpdateBody] },
					operations: { pagination: updateExisting },
				},
			},
		],
		default: 'upsert',
	},
	...userUpsertDescription(version),
	...userUpdateDescription(version),
	...userGetDescription(version),
	...userGetAllDescription(version),
	...userDeleteDescription(version),
];
