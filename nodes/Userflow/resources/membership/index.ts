import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { buildMembershipAddBody, userWithMembershipsRequest } from '../../shared/hooks/buildMembershipRequests';
import { listUserMemberships } from '../../shared/hooks/listUserMemberships';
import { addMembership } from '../../shared/hooks/membershipAddResult';
import { removeMembershipByPruning } from '../../shared/hooks/membershipRemoval';
import { sendIdempotentRequest } from '../../shared/hooks/sendRequest';
import { membershipAddDescription } from './add';
import { membershipGetAllDescription } from './getAll';
import { membershipRemoveDescription } from './remove';

const showOnlyForMemberships = { resource: ['membership'] };

export const membershipDescription = (version: NodeVersion): INodeProperties[] => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForMemberships },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a user to a group',
				description: 'Add a user to a group, or update the membership; other memberships stay',
				routing: {
					request: { method: 'POST', url: '/users' },
					send: { paginate: true, preSend: [buildMembershipAddBody] },
					// Version 1 outputs Userflow's answer (the user); version 2 the membership added.
					operations: { pagination: version === 1 ? sendIdempotentRequest : addMembership },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many memberships of a user',
				description: 'List the groups a user belongs to',
				routing: {
					request: { method: 'GET', url: '/users' },
					send: { paginate: true, preSend: [userWithMembershipsRequest] },
					operations: { pagination: listUserMemberships },
				},
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a user from a group',
				description: 'Remove a user from a group; the group stays, and a non-member is not an error',
				routing: {
					request: { method: 'GET', url: '/users' },
					send: { paginate: true, preSend: [userWithMembershipsRequest] },
					operations: { pagination: removeMembershipByPruning },
				},
			},
		],
		default: 'add',
	},
	...membershipAddDescription(version),
	...membershipGetAllDescription(version),
	...membershipRemoveDescription(version),
];
