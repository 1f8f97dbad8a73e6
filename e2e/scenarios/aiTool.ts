/**
 * The Userflow node as a tool for n8n's AI Agent. n8n generates `userflowTool` from the
 * node's `usableAsTool` when it loads the package; e2e/fixtures/ai-tool-upsert-user.json
 * connects that tool node to n8n's Tool Executor (from @n8n/n8n-nodes-langchain, which ships
 * with n8n): the node n8n runs when a tool is executed without an agent, e.g. "Execute step"
 * on a tool in the editor. It gets the tool the way an agent gets it (n8n-core's
 * createNodeAsTool: the `$fromAI()` parameters become the tool's argument schema) and invokes
 * it with arguments as a model would send them; the Userflow node then runs its operation
 * through n8n's declarative routing. No language model is involved, so the arguments are
 * fixed and the result can be checked exactly: the user the emulator stored.
 * The Tool Executor's query holds the arguments twice: n8n 2 reads them under the tool's name
 * (the node name, spaces as underscores), n8n 1 passes the whole query, and the tool's schema
 * ignores the key it does not declare.
 */
import assert from 'node:assert/strict';
import type { ExampleExpectation } from '../expectations';
import { nodeOutputItems } from '../lib/rawOutput';

const TOOL_ARGUMENTS = { user_id: 'e2e_ai_1', plan: 'enterprise', seats: 12 };

export const aiToolExpectation: ExampleExpectation = {
	freshEmulator: true,
	check({ run, emulator }) {
		const user = emulator.store.users.get(TOOL_ARGUMENTS.user_id);
		assert.ok(user, `the emulator has no user ${TOOL_ARGUMENTS.user_id}: the tool call did not reach Userflow`);
		// `seats` arrives as a number: $fromAI's declared type survives into Userflow's attribute.
		assert.deepEqual(user.attributes, { plan: TOOL_ARGUMENTS.plan, seats: TOOL_ARGUMENTS.seats });

		const writes = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/users');
		assert.equal(writes.length, 1, 'exactly one POST /users for one tool call');

		// What the agent would read back: the tool's answer names the user it wrote.
		const [output] = nodeOutputItems(run, 'Tool Executor');
		assert.ok(output, 'the Tool Executor returned nothing');
		assert.match(JSON.stringify(output), /e2e_ai_1/, "the tool's answer to the agent names the user");
	},
};
