/**
 * The output schemas n8n's editor shows before a first run (the schema preview), generated
 * from what the operations really output: every operation of each Userflow node version and
 * the trigger's events run through n8n's engine (test/harness) against the emulator, and the
 * items become JSON Schema.
 *
 * Where n8n looks (n8n's LoadNodesAndCredentials.resolveSchema, also for community packages):
 * next to the node's file, `__schema__/v<major.minor.patch>/<resource>/<operation>.json`; the
 * editor asks with the node's typeVersion (1 → 1.0.0) and its resource and operation. The
 * trigger has neither: n8n 1.x's editor asks `__schema__/v1.0.0.json` (2.x shows no preview for
 * triggers; its workflow builder reads `__schema__/v1.0.0/output.json`), one file for all four
 * events, so it lists the fields of all of them; `v1.1.0` likewise for trigger version 1.1.
 * The Webhook Trigger (version 1) gets the same two files for its five events.
 *
 * `npm run schemas` writes the files; a test regenerates them and compares.
 */
import { NodeHelpers, type INodeExecutionData } from 'n8n-workflow';

import { startEmulator } from '../../emulator';
import { Userflow } from '../../nodes/Userflow/Userflow.node';
import { UserflowTrigger } from '../../nodes/UserflowTrigger/UserflowTrigger.node';
import type { NodeVersion } from '../../nodes/Userflow/shared/description/nodeVersion';
import { createPoller, manualTrigger, runWorkflow, userflowNode, workflow } from '../../test/harness';
import { schemaOfItems } from './jsonSchema';
import { OPERATION_RUNS, TRIGGER_EVENTS } from './runs';
import { seedSampleEnvironment } from './sampleEnvironment';
import { webhookTriggerOutputs } from './webhookTrigger';

export interface SchemaFile {
	/** Relative to the repository root; gulp copies nodes/**\/__schema__ into dist. */
	path: string;
	content: string;
}

const NODE_VERSIONS: NodeVersion[] = [1, 2];

/** Every (resource, operation) a version of the Userflow node offers, from its Operation selectors. */
export function operationsOf(version: NodeVersion): Array<[string, string]> {
	const { properties } = NodeHelpers.getVersionedNodeType(new Userflow(), version).description;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			((property.displayOptions?.show?.resource ?? []) as string[]).flatMap((resource) =>
				(property.options as Array<{ value: string }>).map(({ value }): [string, string] => [resource, value]),
			),
		);
}

const fileOf = (path: string, items: readonly unknown[]): SchemaFile => ({
	path,
	content: `${JSON.stringify(schemaOfItems(items), null, '\t')}\n`,
});

export async function generateSchemas(): Promise<SchemaFile[]> {
	const emulator = await startEmulator();
	const credentials = { userflowApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } };
	const files: SchemaFile[] = [];
	try {
		for (const version of NODE_VERSIONS) {
			for (const [resource, operation] of operationsOf(version)) {
				const parameters = OPERATION_RUNS[`${resource}:${operation}`];
				if (!parameters) throw new Error(`No schema run for ${resource} → ${operation}: add one to scripts/schemas/runs.ts`);
				emulator.reset();
				seedSampleEnvironment(emulator);
				const run = await runWorkflow(
					workflow([manualTrigger(), userflowNode({ resource, operation, ...parameters(version) }, 'Userflow', { typeVersion: version })]),
					{ credentials },
				);
				const items = run.itemsOf('Userflow');
				if (run.error || items.length === 0) {
					throw new Error(`${resource} → ${operation} (v${version}) gave no output: ${run.error?.message ?? 'no items'}`);
				}
				files.push(fileOf(`nodes/Userflow/__schema__/v${version}.0.0/${resource}/${operation}.json`, items));
			}
		}
		// Trigger versions 1 and 1.1 differ in where the options sit, not in what they output.
		for (const [typeVersion, dir] of [[1, 'v1.0.0'], [1.1, 'v1.1.0']] as const) {
			const events: unknown[] = [];
			for (const event of TRIGGER_EVENTS) {
				emulator.reset();
				seedSampleEnvironment(emulator);
				const poller = createPoller(new UserflowTrigger(), { event }, { credentials, typeVersion });
				const output = (await poller.poll('manual')) as INodeExecutionData[][];
				events.push(...output[0].map((item) => item.json));
			}
			files.push(fileOf(`nodes/UserflowTrigger/__schema__/${dir}.json`, events));
			files.push(fileOf(`nodes/UserflowTrigger/__schema__/${dir}/output.json`, events));
		}
		emulator.reset();
		seedSampleEnvironment(emulator);
		const notifications = await webhookTriggerOutputs(emulator);
		files.push(fileOf('nodes/UserflowWebhookTrigger/__schema__/v1.0.0.json', notifications));
		files.push(fileOf('nodes/UserflowWebhookTrigger/__schema__/v1.0.0/output.json', notifications));
	} finally {
		await emulator.close();
	}
	return files;
}
