import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { readFailure } from './failureDetails';
import { classifyFailure, type RetryMode } from './retryPolicy';

/** What the failed request was about, so the message can name it. */
export interface FailureSubject {
	itemIndex: number;
	/** e.g. "User 'u_42'" or "Group 'acme'"; omitted for lists. */
	object?: string;
}

interface MessageRule {
	status?: number;
	code?: string;
	message: (subject: FailureSubject, userflowMessage?: string) => string;
	description?: string;
}

/**
 * Userflow's statuses and error codes, mapped to messages a user can act on. The first
 * matching rule wins; a code match is more specific than a status match.
 */
const MESSAGE_RULES: MessageRule[] = [
	{
		status: 401,
		message: () => 'Userflow rejected the API key',
		description: 'Check the key in the Userflow credential: it must be the secret key of this environment and region (Settings → API in Userflow).',
	},
	{
		status: 403,
		message: () => 'This API key is not allowed to do that in Userflow',
	},
	{
		status: 404,
		message: (subject) =>
			subject.object
				? `${subject.object} does not exist in this Userflow environment`
				: 'Userflow could not find what was asked for',
		description: 'API keys only see their own environment (Production, Staging, ...). Check the ID and the credential.',
	},
	{
		status: 429,
		message: () => 'Userflow kept rate-limiting this request after all retries',
		description:
			'Raise "Max Retries" or "Max Wait" under Rate Limit Handling, or set "Max Requests per Second" to your plan\'s limit.',
	},
	{
		code: 'invalid_params',
		message: (_subject, userflowMessage) => `Userflow refused the request: ${userflowMessage ?? 'invalid parameters'}`,
	},
	{
		status: 400,
		message: (_subject, userflowMessage) => `Userflow refused the request: ${userflowMessage ?? 'bad request'}`,
	},
];

/** Userflow keys look like `ak_...`; never let one reach an error shown in the editor. */
function redactKeys(text: string): string {
	return text.replace(/\bak_[A-Za-z0-9_-]+/g, 'ak_***');
}

function ruleFor(status: number | undefined, code: string | undefined): MessageRule | undefined {
	return (
		MESSAGE_RULES.find((rule) => rule.code !== undefined && rule.code === code) ??
		MESSAGE_RULES.find((rule) => rule.code === undefined && rule.status === status)
	);
}

/**
 * Turns whatever the HTTP helpers threw into a NodeApiError that names the item and the
 * object and never carries the request headers (where the API key travels).
 */
export function toUserflowError(
	node: INode,
	error: unknown,
	subject: FailureSubject,
	mode: RetryMode = 'idempotent',
): NodeApiError {
	const details = readFailure(error);
	const rule = ruleFor(details.status, details.userflowError?.code);
	const kind = classifyFailure(details.status, details.networkCode);
	const prefix = `Item ${subject.itemIndex}: `;
	let message: string;
	let description: string | undefined;
	if (mode === 'onlyIfNotRecorded' && (kind === 'serverError' || kind === 'maybeSent')) {
		// Not retried on purpose (see retryPolicy): say so, and that it may be recorded.
		const cause =
			details.status !== undefined
				? `Userflow answered with a server error (${details.status})`
				: 'The connection to Userflow dropped before an answer';
		message = `${prefix}${cause}; the event may or may not have been recorded`;
		description =
			'It was not sent again, because a duplicate event would be counted twice in Userflow. Check Userflow before sending it again.' +
			(details.networkCode ? ` Network error ${details.networkCode}.` : '');
	} else if (rule) {
		message = prefix + rule.message(subject, details.userflowError?.message);
		description = rule.description;
	} else if (details.status !== undefined && details.status >= 500) {
		message = `${prefix}Userflow answered with a server error (${details.status}) after all retries`;
		description = 'Userflow may be having trouble. Try again later; nothing else needs to change.';
	} else if (details.networkCode) {
		// The code goes in the description: n8n rewrites messages that contain one.
		message = `${prefix}Could not reach Userflow after all retries`;
		description = `Network error ${details.networkCode}. Check the region or Base URL in the Userflow credential and the network of this n8n instance.`;
	} else {
		message = `${prefix}${details.userflowError?.message ?? (error instanceof Error ? error.message : 'Userflow request failed')}`;
	}
	const safeBody: JsonObject = details.userflowError
		? { error: { code: details.userflowError.code ?? null, message: redactKeys(details.userflowError.message ?? '') } }
		: {};
	return new NodeApiError(node, safeBody, {
		message: redactKeys(message),
		description: description && redactKeys(description),
		httpCode: details.status !== undefined ? String(details.status) : undefined,
		itemIndex: subject.itemIndex,
	});
}
