/**
 * Test harness: runs n8n workflows and polling triggers through n8n's real engine
 * (n8n-core) in-process, with this package's node types and credential.
 */
export { runWorkflow } from './run-workflow';
export type { RunWorkflowOptions, WorkflowJson, WorkflowRunResult } from './run-workflow';
export { testCredential } from './test-credential';
export type { CredentialTestResult } from './test-credential';
export { createPoller, plainCopy } from './poller';
export type { Poller, PollerOptions } from './poller';
export {
	codeNode,
	manualTrigger,
	noOpNode,
	userflowNode,
	workflow,
	USERFLOW_CREDENTIAL_REFERENCE,
	USERFLOW_NODE_TYPE,
	USERFLOW_TRIGGER_NODE_TYPE,
} from './workflow-builder';
export type { Link, NodeSpec } from './workflow-builder';
export { HarnessCredentialsHelper } from './credentials-helper';
export { createCredentialsHelper } from './credentials';
export type { HarnessCredentials, UserflowApiData } from './credentials';
export {
	HarnessNodeTypes,
	PACKAGE_NAME,
	fullNodeTypeName,
	loadPackageNodeTypes,
	packageNodeTypes,
	standInNodeTypes,
} from './node-types';
export type { AnyNodeType, NodeTypeMap } from './node-types';
export { CodeStandIn, ManualTriggerStandIn, NoOpStandIn, ScheduleTriggerStandIn } from './stand-in-nodes';
export { startWebhookTrigger } from './webhook-trigger';
export type { CallMode, TriggerExecution, WebhookCall, WebhookTriggerHarness, WebhookTriggerOptions } from './webhook-trigger';
