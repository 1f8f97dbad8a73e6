/**
 * Test doubles of four of n8n's own nodes (from the `n8n-nodes-base` package), so example
 * workflows run in tests without installing that very large package. They behave like the
 * originals for what our workflows use, and nothing more:
 * - Manual Trigger: copied from n8n (emits one empty item when the workflow is run by hand).
 * - Code (typeVersion 2): only JavaScript in "Run Once for All Items" mode, with `$input`
 *   (`all()`, `first()`, `last()`) and `items`; no sandbox, no `$json`, no Python.
 * - Schedule Trigger: only so that workflows holding one load; it never fires here.
 * - No Operation: passes its input through.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

/** Stand-in for `n8n-nodes-base.manualTrigger`; the body is n8n's own. */
export class ManualTriggerStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		maxNodes: 1,
		defaults: { name: "When clicking 'Execute workflow'", color: '#909298' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/**
 * Stand-in for `n8n-nodes-base.scheduleTrigger`: example workflows carry one beside their
 * Manual Trigger (that is how users schedule them); runs by hand never start it.
 */
export class ScheduleTriggerStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Schedule Trigger',
		name: 'scheduleTrigger',
		group: ['trigger', 'schedule'],
		version: [1, 1.1, 1.2],
		description: 'Triggers the workflow on a given schedule',
		defaults: { name: 'Schedule Trigger', color: '#31C49F' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Trigger Rules', name: 'rule', type: 'json', default: '{}' }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return {};
	}
}

/** Stand-in for `n8n-nodes-base.noOp`. */
export class NoOpStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

type CodeFunction = (
	$input: CodeInput,
	items: INodeExecutionData[],
) => Promise<unknown> | unknown;

interface CodeInput {
	all(): INodeExecutionData[];
	first(): INodeExecutionData | undefined;
	last(): INodeExecutionData | undefined;
}

/** Stand-in for `n8n-nodes-base.code` v2, JavaScript, "Run Once for All Items" only. */
export class CodeStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Code',
		name: 'code',
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		description: 'Run custom JavaScript code',
		defaults: { name: 'Code' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [{ name: 'Run Once for All Items', value: 'runOnceForAllItems' }],
				default: 'runOnceForAllItems',
			},
			{ displayName: 'Language', name: 'language', type: 'hidden', default: 'javaScript' },
			{ displayName: 'JavaScript', name: 'jsCode', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const mode = this.getNodeParameter('mode', 0) as string;
		const language = this.getNodeParameter('language', 0, 'javaScript') as string;
		if (mode !== 'runOnceForAllItems' || language !== 'javaScript') {
			throw new NodeOperationError(
				node,
				`The Code stand-in only runs JavaScript in "Run Once for All Items" mode (got mode "${mode}", language "${language}")`,
			);
		}
		const jsCode = this.getNodeParameter('jsCode', 0) as string;
		const items = this.getInputData();
		const $input: CodeInput = {
			all: () => items,
			first: () => items[0],
			last: () => items[items.length - 1],
		};
		// An async wrapper, like n8n's task runner, so the code may use `await` and `return`.
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		const run = new Function('$input', 'items', `return (async () => {\n${jsCode}\n})();`) as CodeFunction;
		const result = await run($input, items);
		return [toItems(result, node)];
	}
}

/** n8n's Code node accepts `[{json}]`, plain objects, or a single object. */
function toItems(result: unknown, node: ReturnType<IExecuteFunctions['getNode']>): INodeExecutionData[] {
	if (result === undefined || result === null) return [];
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry, index) => {
		if (typeof entry !== 'object' || entry === null) {
			throw new NodeOperationError(node, `Code doesn't return items properly (item ${index} is not an object)`);
		}
		const record = entry as IDataObject;
		if ('json' in record && typeof record.json === 'object' && record.json !== null) {
			return { ...(record as unknown as INodeExecutionData), json: record.json as IDataObject };
		}
		// No pairedItem: like n8n, the engine links outputs to inputs where it can.
		return { json: record };
	});
}
