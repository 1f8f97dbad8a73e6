/**
 * n8n's AI Agent (from @n8n/n8n-nodes-langchain, shipped with n8n) calls the Userflow Tool.
 * The model is scripted (e2e/lib/scriptedChatModel.ts, behind n8n's own OpenAI Chat Model
 * node): it asks for one tool call with fixed `$fromAI()` arguments, then answers with a
 * text once it has the tool's result. Everything between is n8n's: the agent offering the
 * generated `userflowTool` with the schema n8n built from the `$fromAI()` parameters, running
 * the tool node when the model asks, and handing its answer back to the model.
 * Proven by what Userflow stored (the event, once) and by what the model was sent (the tool
 * it was offered and the tool's answer).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { UserflowEmulator } from '../../emulator';
import type { N8nCli } from '../lib/n8nCli';
import { tail } from '../lib/n8nCli';
import { parseRawOutput, nodeOutputItems, runFailure } from '../lib/rawOutput';
import type { Report } from '../lib/report';
import { ScriptedChatModel } from '../lib/scriptedChatModel';
import { n8nId, prepareForImport, readWorkflow, writeJson, type ImportedCredential } from '../lib/workflows';

const FIXTURE = join(__dirname, '..', 'fixtures', 'agent', 'ai-agent-track-event.json');
/** n8n names a tool after its node: "Track Userflow event" -> Track_Userflow_event. */
const TOOL_NAME = 'Track_Userflow_event';
const TOOL_ARGUMENTS = { event_name: 'onboarding_finished', user_id: 'e2e_agent_1' };
const FINAL_ANSWER = 'Tracked onboarding_finished for e2e_agent_1.';

export interface AiAgentInput {
	n8n: N8nCli;
	emulator: UserflowEmulator;
	credential: ImportedCredential;
	workDir: string;
	report: Report;
}

export async function runAiAgent({ n8n, emulator, credential, workDir, report }: AiAgentInput): Promise<void> {
	if (n8n.install.label !== '2') {
		// The fixture's AI Agent 3.1 and OpenAI Chat Model 1.3 are n8n 2 node versions.
		console.log(`[e2e n8n-${n8n.install.label}] AI Agent: proven on n8n 2 only (its node versions); the Tool Executor fixture covers n8n ${n8n.install.label}`);
		return;
	}
	await report.step('AI Agent: a scripted model calls the Userflow Tool ($fromAI), the event reaches Userflow once', async () => {
		const model = await ScriptedChatModel.start({ toolName: TOOL_NAME, arguments: TOOL_ARGUMENTS, finalAnswer: FINAL_ANSWER });
		try {
			emulator.reset();
			// Strict as the emulator is, tracking for a user Userflow does not know answers 404.
			emulator.store.addUser(TOOL_ARGUMENTS.user_id, { name: 'Agent test user' });
			const modelCredential = { id: n8nId('e2eaicred', 1), name: 'Scripted model', type: 'openAiApi' };
			const credentialsFile = writeJson(join(workDir, 'credentials-model.json'), [
				{ ...modelCredential, data: { apiKey: 'sk-scripted-not-a-secret', url: model.baseUrl } },
			]);
			await n8n.runOk('import:credentials', `--input=${credentialsFile}`);

			const id = n8nId('e2eagent', 1);
			const workflow = prepareForImport(prepareForImport(readWorkflow(FIXTURE, emulator.baseUrl), id, credential), id, modelCredential);
			await n8n.runOk('import:workflow', `--input=${writeJson(join(workDir, `import-${id}.json`), workflow)}`);
			const result = await n8n.run('execute', `--id=${id}`, '--rawOutput');
			const run = parseRawOutput(result.stdout);
			if (!run) throw new Error(`n8n execute printed no run (exit ${result.code})\n${tail(result.stdout + result.stderr)}`);
			const failure = runFailure(run);
			if (failure || result.code !== 0) throw new Error(`the workflow failed in n8n (exit ${result.code}): ${failure ?? 'see output'}`);

			const tracked = emulator.store.events.filter((event) => event.name === TOOL_ARGUMENTS.event_name);
			assert.equal(tracked.length, 1, 'the agent tracked the event exactly once');
			assert.equal(tracked[0].user_id, TOOL_ARGUMENTS.user_id, 'for the user the model named');

			assert.ok(model.requests.length >= 2, `the model was asked twice (tool call, then answer), not ${model.requests.length} times`);
			assert.ok(model.requests[0].tools.includes(TOOL_NAME), `the agent offered ${TOOL_NAME} (offered: ${model.requests[0].tools.join(', ')})`);
			const toolResult = model.requests[model.requests.length - 1].toolResults.join('\n');
			assert.match(toolResult, /tracked|onboarding_finished|e2e_agent_1/i, `the model got the tool's answer back (got: ${toolResult})`);

			const [output] = nodeOutputItems(run, 'AI Agent');
			assert.equal(output?.output, FINAL_ANSWER, "the agent's output is the model's final answer");
		} finally {
			await model.close();
		}
	});
}
