/**
 * The workflow canvas: a new workflow, its first step, a step after another, running the whole
 * workflow, opening a node.
 */
import { byTestId, type Ui } from '../lib/ui';
import { NDV } from './ndv';
import { NodeCreator } from './nodeCreator';

const ADD_FIRST_STEP = byTestId('canvas-add-button');
const canvasNode = (name: string) => `${byTestId('canvas-node')}[data-node-name="${name}"]`;
/** A new workflow's canvas can take a while the first time n8n loads its node types. */
const CANVAS_TIMEOUT_MS = 45_000;
const WORKFLOW_RUN_TIMEOUT_MS = 60_000;

export async function openNewWorkflow(ui: Ui, n8nUrl: string): Promise<void> {
	await ui.page.goto(`${n8nUrl}/workflow/new`, { waitUntil: 'domcontentloaded', timeout: CANVAS_TIMEOUT_MS });
	await ui.visible(ADD_FIRST_STEP, "a new workflow's 'Add first step' button", { timeoutMs: CANVAS_TIMEOUT_MS });
}

/** Opens the node creator from the empty canvas ("Add first step"). */
export async function openFirstStepCreator(ui: Ui): Promise<NodeCreator> {
	await ui.click(ADD_FIRST_STEP, "the canvas's 'Add first step' button");
	return new NodeCreator(ui);
}

/**
 * Adds one of Userflow's actions or trigger events as a user does: "Add first step", type
 * "Userflow", open it, pick the entry. n8n opens the new node's NDV (and, for an action, puts a
 * Manual Trigger before it).
 */
export async function addUserflowStep(ui: Ui, entry: string, kind: 'action' | 'trigger'): Promise<void> {
	const creator = await openFirstStepCreator(ui);
	await creator.search('Userflow', 'Userflow');
	await creator.openItem('Userflow');
	if (kind === 'action') await creator.expandCategory('Actions');
	await creator.openItem(entry);
	await ui.visible(NDV, `the NDV of '${entry}'`);
}

/** The "+" on a node's output: adds the picked node after it, connected, and opens its NDV. */
export async function addNodeAfter(ui: Ui, after: string, search: string, item: string): Promise<void> {
	await ui.click(
		`${byTestId('canvas-node-output-handle')}[data-node-name="${after}"] ${byTestId('canvas-handle-plus')}`,
		`the + on the output of '${after}'`,
	);
	await new NodeCreator(ui).search(search, item);
	await new NodeCreator(ui).openItem(item);
	await ui.visible(NDV, `the NDV of '${item}'`);
}

export async function canvasNodeNames(ui: Ui): Promise<string[]> {
	return ui.page.$$eval(byTestId('canvas-node'), (nodes) => nodes.map((node) => node.getAttribute('data-node-name') ?? ''));
}

export async function openNode(ui: Ui, name: string): Promise<void> {
	const node = await ui.visible(canvasNode(name), `the node '${name}' on the canvas`);
	await node.click({ count: 2 });
	await ui.visible(NDV, `the NDV of '${name}'`);
}

/** "Execute workflow" on the canvas; waits until every node shows success, or fails naming the nodes that did not. */
export async function executeWorkflow(ui: Ui): Promise<void> {
	await ui.click(byTestId('execute-workflow-button'), "the canvas's Execute workflow button");
	const nodes = await canvasNodeNames(ui);
	try {
		await ui.until(
			'every node on the canvas to show success',
			(nodeCss: string, success: string) =>
				[...document.querySelectorAll(nodeCss)].every((node) => node.querySelector(success) !== null),
			[byTestId('canvas-node'), byTestId('canvas-node-status-success')],
			WORKFLOW_RUN_TIMEOUT_MS,
		);
	} catch (error) {
		const failed = await ui.page.$$eval(
			byTestId('canvas-node'),
			(elements, success) => elements.filter((node) => !node.querySelector(success)).map((node) => node.getAttribute('data-node-name')),
			byTestId('canvas-node-status-success'),
		);
		throw new Error(`${(error as Error).message}; without success: ${failed.join(', ')} (of ${nodes.join(', ')})`);
	}
}
