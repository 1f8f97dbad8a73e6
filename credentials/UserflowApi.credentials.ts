import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, USERFLOW_API_VERSION } from '../nodes/Userflow/shared/transport/baseUrl';

/**
 * One API key per Userflow environment (Production, Staging, ...). The base URL is resolved
 * here once, so the node, the trigger and the credential test all talk to the same host.
 */
export class UserflowApi implements ICredentialType {
	name = 'userflowApi';

	displayName = 'Userflow API';

	icon: Icon = { light: 'file:../icons/userflow.svg', dark: 'file:../icons/userflow.dark.svg' };

	documentationUrl = 'https://userflow.com/docs/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'ak_...',
			description:
				'Secret API key of one Userflow environment, from Settings → API in Userflow. Each environment (Production, Staging, ...) has its own key.',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'US', value: 'https://api.userflow.com' },
				{ name: 'EU', value: 'https://api.eu.userflow.com' },
			],
			default: 'https://api.userflow.com',
			description: 'Where your Userflow account is hosted',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.userflow.com',
			description:
				"Leave empty: requests go to the region's address. Set it only to send them through a proxy, or to a test server such as this package's Userflow emulator.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
				'Userflow-Version': USERFLOW_API_VERSION,
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/users',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Userflow rejected the API key. Copy it again from Settings → API in Userflow, and check that it belongs to the environment and region you picked.',
				},
			},
		],
	};
}
