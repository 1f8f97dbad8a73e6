/**
 * An in-memory stand-in for n8n's `CredentialsHelper` (packages/cli/src/credentials-helper.ts),
 * which in n8n reads encrypted credentials from the database. It follows the CLI's behaviour
 * where it matters to a node:
 * - `getDecrypted` returns the given data with the credential type's defaults filled in and
 *   `={{...}}` expressions in the data resolved, as `applyDefaultsAndOverwrites` does;
 * - `authenticate` applies a function authenticator, or a generic one (`headers`, `qs`, `body`,
 *   `auth`) with `={{$credentials...}}` resolved through the workflow's expression engine.
 *   n8n-core's own test helper only handles the function form; with it a generic credential's
 *   headers are silently missing.
 * - `preAuthentication` exists and returns undefined (this credential has no expirable token),
 *   so n8n-core retries a request once after a 401, as it does in n8n.
 */
import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, UnexpectedError, isExpression } from 'n8n-workflow';

/** Credential type name (`userflowApi`) → the decrypted data a user would have saved. */
export type CredentialDataMap = Record<string, ICredentialDataDecryptedObject>;

export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** Every `updateCredentials` call, for tests that care (a plain API key never updates). */
	readonly updates: Array<{ type: string; data: ICredentialDataDecryptedObject }> = [];

	private readonly credentialTypes: Map<string, ICredentialType>;

	constructor(
		credentialTypes: ICredentialType[],
		private readonly data: CredentialDataMap,
	) {
		super();
		this.credentialTypes = new Map(credentialTypes.map((type) => [type.name, type]));
	}

	getCredentialType(typeName: string): ICredentialType {
		const type = this.credentialTypes.get(typeName);
		if (!type) {
			throw new UnexpectedError(`The test harness does not know credential type "${typeName}"`);
		}
		return type;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.getCredentialType(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (!workflow || !node) {
			throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
		}
		if (authenticate.type !== 'generic') return requestOptions;

		requestOptions.headers ??= {};
		const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
				const valueResolved = this.resolveValue(value, { $credentials: credentials }, workflow, node);
				target[outerKey] ??= {};
				target[outerKey]![keyResolved] = valueResolved;
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getCredentialType(typeName);
		if (type.preAuthentication) {
			throw new UnexpectedError(`The test harness does not run preAuthentication (credential "${typeName}")`);
		}
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getParentTypes(typeName: string): string[] {
		const parents = this.getCredentialType(typeName).extends ?? [];
		return parents.flatMap((parent) => [parent, ...(this.credentialTypes.has(parent) ? this.getParentTypes(parent) : [])]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const credentials = new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type);
		await credentials.setData(this.storedData(type));
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = { ...this.storedData(type) };
		if (raw === true) return stored;
		return this.applyDefaultsAndResolve(additionalData, stored, type, mode, executeData, expressionResolveValues);
	}

	/** The CLI's `applyDefaultsAndOverwrites`, minus overwrites (there are none in tests). */
	applyDefaultsAndResolve(
		additionalData: IWorkflowExecuteAdditionalData,
		stored: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (!expressionResolveValues) return withDefaults;
		return expressionResolveValues.workflow.expression.getParameterValue(
			withDefaults as INodeParameters,
			expressionResolveValues.runExecutionData,
			expressionResolveValues.runIndex,
			expressionResolveValues.itemIndex,
			expressionResolveValues.node.name,
			expressionResolveValues.connectionInputData,
			mode,
			getAdditionalKeys(additionalData, mode, null, { isCredential: true }),
			executeData,
			false,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data[type] = { ...data };
		this.updates.push({ type, data: { ...data } });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(nodeCredentials, type, { ...this.storedData(type), oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getCredentialType(type);
		if (!credentialType.extends) return credentialType.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	private storedData(type: string): ICredentialDataDecryptedObject {
		const stored = this.data[type];
		if (!stored) {
			throw new UnexpectedError(
				`No "${type}" credential was given to the test harness (pass it in options.credentials.${type})`,
			);
		}
		return stored;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		return resolved ? resolved.toString() : '';
	}
}
