/**
 * What n8n's editor does when a user clicks "Test" on a credential whose type declares a
 * `test.request` (n8n CLI: `CredentialsTester.testCredentials`, in
 * packages/cli/src/services/credentials-tester.service.ts): it builds a throwaway No-Op node
 * whose only property routes the test request, runs n8n-core's `RoutingNode` on it over real
 * HTTP, and turns a failure into `{ status: 'Error', message }` using the credential's
 * `responseCode` rules, or a generic message. Function-based tests (`testedBy` on a node)
 * are not covered: our credential declares its test.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { createCredentialsHelper } from './credentials';
import { HarnessNodeTypes } from './node-types';
import { NoOpStandIn } from './stand-in-nodes';

export type CredentialTestResult = INodeCredentialTestResult;

/** n8n tests a declared request through the No-Op node, under its full type name. */
const NO_OP_TYPE = 'n8n-nodes-base.noOp';

export async function testCredential(
	credentialClass: ICredentialType | (new () => ICredentialType),
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const credentialType = typeof credentialClass === 'function' ? new credentialClass() : credentialClass;
	const testRequest = credentialType.test;
	if (!testRequest) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const credentialsHelper = createCredentialsHelper({ [credentialType.name]: data }, [credentialType]);
	const additionalData = createAdditionalData(credentialsHelper);
	// The CLI fills in defaults (e.g. the region) before testing, like for a run.
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'credential-under-test',
		name: credentialType.displayName,
		type: credentialType.name,
		data: credentialsHelper.applyDefaultsAndResolve(additionalData, { ...data }, credentialType.name, 'internal'),
	};

	const noOp = new NoOpStandIn();
	const nodeTypeCopy: INodeType = {
		description: {
			...noOp.description,
			name: NO_OP_TYPE,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: NO_OP_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: {
			[credentialType.name]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name },
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes({ [NO_OP_TYPE]: nodeTypeCopy }),
	});
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData({ resultData: { runData: {} } }),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, nodeTypeCopy, credentialsDecrypted).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const { status: statusCode, statusText: statusMessage } = cause.response;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return { status: 'Error', message: statusMessage || `Received HTTP status code: ${statusCode}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const responseData = response?.[0]?.[0]?.json ?? {};
			if (getPath(responseData, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash `get` for dotted paths, without pulling lodash into the harness. */
function getPath(data: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], data);
}
