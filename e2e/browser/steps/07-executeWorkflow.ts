/**
 * Step 7: a workflow Manual Trigger > Userflow (Get many users) > No Operation. Before any run,
 * the next node's input panel offers the Userflow node's output fields (n8n reads the package's
 * output schema for that). Then Execute workflow on the canvas, open the Userflow node and read
 * its output panel: the users Userflow holds.
 */
import assert from 'node:assert/strict';
import { addNodeAfter, addUserflowStep, executeWorkflow, openNewWorkflow, openNode } from '../editor/canvas';
import type { BrowserStep } from '../lib/stepRunner';
import { byTestId } from '../lib/ui';
import type { StepContext } from './context';

const NEXT_NODE = 'No Operation, do nothing';
const SCHEMA_PREVIEW_WAIT_MS = 10_000;

export const executeWorkflowStep: BrowserStep<StepContext> = {
	id: '07-execute-workflow',
	title: 'Execute workflow on the canvas and read the Userflow node\'s output panel',
	async run({ ui, ndv, n8nUrl, emulator, shot }) {
		await openNewWorkflow(ui, n8nUrl);
		await addUserflowStep(ui, 'Get many users', 'action');
		const userflowNode = await ndv.title();
		await ndv.close();
		await addNodeAfter(ui, userflowNode, 'No Operation', NEXT_NODE);
		// Checked now (before any run), reported at the end, so the run below is proven either way.
		const previewProblem = await schemaPreviewProblem(ui);
		await shot('execute-workflow-next-node-before-run');
		await ndv.close();

		await executeWorkflow(ui);
		await shot('execute-workflow-canvas-after-run');
		await openNode(ui, userflowNode);
		const items = (await ndv.outputJson()) as Array<{ id?: string }>;
		await shot('execute-workflow-output');
		const expected = [...emulator.store.users.keys()].sort();
		assert.deepEqual(items.map((item) => item.id).sort(), expected, 'the output panel lists every user Userflow holds');
		if (previewProblem) throw new Error(previewProblem);
	},
};

/** n8n shows a node's output fields before its first run only when the package ships an output schema for it. */
async function schemaPreviewProblem(ui: StepContext['ui']): Promise<string | undefined> {
	try {
		await ui.visible(`${byTestId('ndv-input-panel')} ${byTestId('run-data-schema-item')}`, 'the Userflow node\'s fields in the next node\'s input panel', {
			timeoutMs: SCHEMA_PREVIEW_WAIT_MS,
		});
		return undefined;
	} catch (error) {
		return `before the first run, the next node's input panel offers no fields of the Userflow node to map (issue 10: output schemas): ${(error as Error).message}`;
	}
}
