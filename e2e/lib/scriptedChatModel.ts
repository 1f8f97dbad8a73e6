/**
 * A stand-in for a language model behind OpenAI's Chat Completions API, on 127.0.0.1, that
 * follows a fixed script instead of thinking: the first request is answered with one tool
 * call (the tool and its arguments given), every later one (after the agent sent back the
 * tool's result) with a final text. n8n's own OpenAI Chat Model node talks to it through an
 * `openAiApi` credential whose Base URL points here, so n8n's AI Agent runs its real loop
 * (model -> tool call -> tool node -> model) with arguments the test knows.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolCallScript {
	/** The tool name the agent offers (n8n derives it from the tool node's name). */
	toolName: string;
	arguments: Record<string, unknown>;
	finalAnswer: string;
}

export interface ChatRequestRecord {
	/** Tool names the agent offered in this request. */
	tools: string[];
	/** The contents of the `tool` messages: what the tool answered the agent. */
	toolResults: string[];
}

interface ChatMessage {
	role: string;
	content?: unknown;
}

interface ChatRequestBody {
	model?: string;
	messages?: ChatMessage[];
	tools?: Array<{ function?: { name?: string } }>;
}

/** Bounds a request body: the agent sends a few kilobytes. */
const MAX_BODY_BYTES = 1_000_000;

export class ScriptedChatModel {
	readonly requests: ChatRequestRecord[] = [];
	private readonly server: Server;

	private constructor(private readonly script: ToolCallScript) {
		this.server = createServer((req, res) => {
			void this.handle(req).then(
				({ status, body }) => {
					res.writeHead(status, { 'content-type': 'application/json' });
					res.end(JSON.stringify(body));
				},
				(error: Error) => {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ error: { message: error.message } }));
				},
			);
		});
	}

	static async start(script: ToolCallScript): Promise<ScriptedChatModel> {
		const model = new ScriptedChatModel(script);
		await new Promise<void>((resolve) => model.server.listen(0, '127.0.0.1', resolve));
		return model;
	}

	/** The Base URL for n8n's OpenAI credential. */
	get baseUrl(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
	}

	close(): Promise<void> {
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
		if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
			return { status: 404, body: { error: { message: `the scripted model only serves POST /v1/chat/completions, not ${req.method} ${req.url}` } } };
		}
		const request = JSON.parse(await readBody(req)) as ChatRequestBody;
		const messages = request.messages ?? [];
		const record: ChatRequestRecord = {
			tools: (request.tools ?? []).map((tool) => String(tool.function?.name)),
			toolResults: messages.filter((m) => m.role === 'tool').map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))),
		};
		this.requests.push(record);
		const message =
			record.toolResults.length === 0
				? {
						role: 'assistant',
						content: null,
						tool_calls: [
							{
								id: `call_${this.requests.length}`,
								type: 'function',
								function: { name: this.script.toolName, arguments: JSON.stringify(this.script.arguments) },
							},
						],
					}
				: { role: 'assistant', content: this.script.finalAnswer };
		return {
			status: 200,
			body: {
				id: `chatcmpl-scripted-${this.requests.length}`,
				object: 'chat.completion',
				created: Math.floor(Date.now() / 1000),
				model: request.model ?? 'scripted',
				choices: [{ index: 0, message, finish_reason: 'tool_calls' in message ? 'tool_calls' : 'stop', logprobs: null }],
				usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
			},
		};
	}
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let body = '';
		req.on('data', (chunk: Buffer) => {
			body += chunk.toString();
			if (body.length > MAX_BODY_BYTES) req.destroy(new Error('request body too large'));
		});
		req.on('end', () => resolve(body));
		req.on('error', reject);
	});
}
