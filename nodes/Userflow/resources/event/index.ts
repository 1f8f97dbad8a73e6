import type { INodeProperties } from 'n8n-workflow';

import type { NodeVersion } from '../../shared/description/nodeVersion';
import { buildEventBody } from '../../shared/hooks/buildEventBody';
import { sendNonIdempotentRequest } from '../../shared/hooks/sendRequest';
import { eventTrackDescription } from './track';

const showOnlyForEvents = { resource: ['event'] };

export const eventDescription = (version: NodeVersion): INodeProperties[] => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForEvents },
		options: [
			{
				name: 'Track',
				value: 'track',
				action: 'Track an event',
				description: 'Record an event for a user and/or a group, e.g. to start a flow',
				routing: {
					request: { method: 'POST', url: '/events' },
					send: { paginate: true, preSend: [buildEventBody] },
					// Not retried after a 5xx or a dropped connection: a duplicate event is a wrong count.
					operations: { pagination: sendNonIdempotentRequest },
				},
			},
		],
		default: 'track',
	},
	...eventTrackDescription(version),
];
