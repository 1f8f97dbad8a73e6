/**
 * The `additionalData` object n8n's CLI hands to n8n-core for every execution
 * (packages/cli/src/workflow-execute-additional-data.ts), reduced to what a node in our
 * package can reach. Features the harness does not offer (sub-workflows, task runners)
 * fail loudly instead of doing nothing.
 */
import { ExternalSecretsProxy } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentials-helper';

const BASE_URL = 'http://localhost:5678';

export function createAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	overrides: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const unsupported = (feature: string) => async () => {
		throw new UnexpectedError(`The test harness does not support ${feature}`);
	};
	return {
		credentialsHelper,
		executeWorkflow: unsupported('sub-workflows (Execute Workflow)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unsupported('task runners'),
		logAiEvent: () => {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		userId: 'test-user',
		...overrides,
	};
}
