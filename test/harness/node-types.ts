/**
 * The node types a harness workflow can use, under the names n8n gives them. n8n names a
 * community node `<package name>.<description.name>`, so our nodes are
 * `n8n-nodes-userflow.userflow` and `n8n-nodes-userflow.userflowTrigger` in saved workflows.
 */
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { CodeStandIn, ManualTriggerStandIn, NoOpStandIn, ScheduleTriggerStandIn } from './stand-in-nodes';

export const PACKAGE_NAME = 'n8n-nodes-userflow';

export type AnyNodeType = INodeType | IVersionedNodeType;

/** Full type name (or a bare name of one of this package's nodes) → node type instance. */
export type NodeTypeMap = Record<string, AnyNodeType>;

/** `userflow` → `n8n-nodes-userflow.userflow`; full names stay as they are. */
export function fullNodeTypeName(name: string): string {
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}

/** Registers instances of this package's node classes under their n8n names. */
export function packageNodeTypes(...instances: AnyNodeType[]): NodeTypeMap {
	return Object.fromEntries(
		instances.map((instance) => [fullNodeTypeName(instance.description.name), instance]),
	);
}

export function standInNodeTypes(): NodeTypeMap {
	return {
		'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
		'n8n-nodes-base.code': new CodeStandIn(),
		'n8n-nodes-base.noOp': new NoOpStandIn(),
		'n8n-nodes-base.scheduleTrigger': new ScheduleTriggerStandIn(),
	};
}

/**
 * This package's own nodes, loaded lazily so the harness works while a node file is still
 * missing or broken (other parts of the package are written in parallel). A node that fails
 * to load only fails a workflow that uses it, with the reason. The `.ts` extension is
 * explicit: under ts-node, Node would otherwise resolve `X.node` to the codex `X.node.json`.
 */
const PACKAGE_NODE_FILES = [
	{ typeName: `${PACKAGE_NAME}.userflow`, file: '../../nodes/Userflow/Userflow.node.ts', className: 'Userflow' },
	{
		typeName: `${PACKAGE_NAME}.userflowTrigger`,
		file: '../../nodes/UserflowTrigger/UserflowTrigger.node.ts',
		className: 'UserflowTrigger',
	},
	{
		typeName: `${PACKAGE_NAME}.userflowWebhookTrigger`,
		file: '../../nodes/UserflowWebhookTrigger/UserflowWebhookTrigger.node.ts',
		className: 'UserflowWebhookTrigger',
	},
];

export interface LoadedNodeTypes {
	types: NodeTypeMap;
	/** Full type name → why it could not be loaded. */
	unavailable: Record<string, string>;
}

let packageNodeTypesCache: LoadedNodeTypes | undefined;

export function loadPackageNodeTypes(): LoadedNodeTypes {
	if (packageNodeTypesCache) return packageNodeTypesCache;
	const loaded: LoadedNodeTypes = { types: {}, unavailable: {} };
	for (const { typeName, file, className } of PACKAGE_NODE_FILES) {
		try {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const moduleExports = require(file) as Record<string, new () => AnyNodeType>;
			const NodeClass = moduleExports[className];
			if (!NodeClass) throw new Error(`${file} does not export class ${className}`);
			loaded.types[typeName] = new NodeClass();
		} catch (error) {
			loaded.unavailable[typeName] = (error as Error).message.split('\n')[0];
		}
	}
	packageNodeTypesCache = loaded;
	return loaded;
}

/** n8n-workflow's `INodeTypes` over a fixed map. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types: NodeTypeMap;

	constructor(
		types: NodeTypeMap,
		private readonly unavailable: Record<string, string> = {},
	) {
		this.types = Object.fromEntries(
			Object.entries(types).map(([name, type]) => [fullNodeTypeName(name), type]),
		);
	}

	getByName(nodeType: string): AnyNodeType {
		return this.lookUp(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.lookUp(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	has(nodeType: string): boolean {
		return nodeType in this.types;
	}

	private lookUp(nodeType: string): AnyNodeType {
		const type = this.types[nodeType];
		if (!type) {
			const reason = this.unavailable[nodeType];
			if (reason) {
				throw new UnexpectedError(`Node type "${nodeType}" could not be loaded: ${reason}`);
			}
			throw new UnexpectedError(
				`The test harness does not know node type "${nodeType}". Known: ${Object.keys(this.types).join(', ')}. ` +
					'Pass it in `nodeTypes`, or check that its file exists.',
			);
		}
		return type;
	}
}
