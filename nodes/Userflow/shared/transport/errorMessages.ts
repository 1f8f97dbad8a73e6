import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { isCertificateProblem, readFailure, type FailureDetails } from './failureDetails';
import { PacedRequestFailure, type StopReason } from './pacedRequest';
import { redactSecrets } from './redaction';
import { redirectTarget } from './redirectTarget';
import type { NotResendableBecause } from './resendRule';
import { classifyFailure } from './retryPolicy';

/** What the failed request was about, so the message can name it. */
export interface FailureSubject {
	/** The item the request belongs to; undefined for trigger polls and list searches. */
	itemIndex?: number;
	/** e.g. "User 'u_42'" or "Group 'acme'"; omitted for lists. */
	object?: string;
}

export interface FailureContext {
	/** Why the request was not resent after an ambiguous failure (from resendRule). */
	notResendableBecause?: NotResendableBecause;
	/** Values that must never appear in a message: the API key. */
	secrets?: readonly string[];
	/** The URL the request went to, to resolve a relative redirect Location. */
	requestUrl?: string;
}

/** Version 2 of the node keeps the rate limit settings in Options, version 1 (and the trigger) in their own collection. */
const WHERE_RATE_LIMITS_ARE = 'in the node\'s Options (Rate Limit Handling in version 1 and the trigger)';

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
			`Raise "Max Retries" or "Max Wait" ${WHERE_RATE_LIMITS_ARE}, or set "Max Requests per Second" to your plan's limit.`,
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

const NOT_RESENT: Record<NotResendableBecause, { outcome: string; description: string }> = {
	event: {
		outcome: 'the event may or may not have been recorded',
		description:
			'It was not sent again, because a duplicate event would be counted twice in Userflow. Check Userflow before sending it again.',
	},
	cumulativeChange: {
		outcome: 'the change may have been applied and was not sent again',
		description:
			'It uses Add, Subtract, Append or Prepend, which would apply twice if sent again. Check the record in Userflow before running this item again.',
	},
	creation: {
		outcome: 'the request may have been applied and was not sent again',
		description: 'Sending it again could create a second one. Check Userflow before running this item again.',
	},
};

function ruleFor(status: number | undefined, code: string | undefined): MessageRule | undefined {
	return (
		MESSAGE_RULES.find((rule) => rule.code !== undefined && rule.code === code) ??
		MESSAGE_RULES.find((rule) => rule.code === undefined && rule.status === status)
	);
}

function attemptsText(attempts: number): string {
	return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}

function ambiguousCause(details: FailureDetails): string {
	if (details.status !== undefined) return `Userflow answered with a server error (${details.status})`;
	if (details.timedOut) return 'Userflow did not answer in time';
	return 'The connection to Userflow dropped before an answer';
}

const TIMEOUT_DESCRIPTION = `Each attempt waits at most the Timeout under Settings → Request Options (default 300 s), and all attempts of one item together at most "Max Wait" ${WHERE_RATE_LIMITS_ARE}.`;

interface Explanation {
	message: string;
	description?: string;
}

function explain(
	details: FailureDetails,
	stoppedBecause: StopReason,
	attempts: number,
	subject: FailureSubject,
	context: FailureContext,
	fallbackMessage: string | undefined,
): Explanation {
	const kind = classifyFailure(details.status, details.networkCode);
	const userflowCode = details.userflowError?.code;
	if (stoppedBecause === 'cancelled') return { message: 'The execution was cancelled before Userflow answered' };
	if (stoppedBecause === 'notResendable') {
		const notResent = NOT_RESENT[context.notResendableBecause ?? 'creation'];
		return {
			message: `${ambiguousCause(details)}; ${notResent.outcome}`,
			description: notResent.description + (details.networkCode ? ` Network error ${details.networkCode}.` : ''),
		};
	}
	if (kind === 'redirect') {
		const target = redirectTarget(details.location, context.requestUrl);
		return {
			// n8n 1.x keeps no response headers on its errors: the Location may be unknown.
			message: `Userflow's address answered with a redirect (${details.status})${target ? ` to ${target}` : ''}; redirects are not followed`,
			description:
				"Nothing was sent to the redirect's address. Check the Base URL in the Userflow credential and any proxy: they must lead straight to Userflow's API (https://api.userflow.com or https://api.eu.userflow.com).",
		};
	}
	const rule = ruleFor(details.status, userflowCode);
	if (rule) {
		const codeNote = userflowCode ? `Userflow's error code: ${userflowCode}.` : undefined;
		return {
			message: rule.message(subject, details.userflowError?.message),
			description: [rule.description, codeNote].filter(Boolean).join(' ') || undefined,
		};
	}
	if (details.status !== undefined && details.status >= 500) {
		return {
			message: `Userflow answered with a server error (${details.status}) after ${attemptsText(attempts)}`,
			description:
				'Userflow may be having trouble. Try again later; nothing else needs to change.' +
				(userflowCode ? ` Userflow's error code: ${userflowCode}.` : ''),
		};
	}
	if (details.timedOut) {
		return { message: `Userflow did not answer in time, after ${attemptsText(attempts)}`, description: TIMEOUT_DESCRIPTION };
	}
	if (details.networkCode && isCertificateProblem(details.networkCode)) {
		return {
			message: "The server at Userflow's address presented a certificate n8n does not trust",
			description: `Network error ${details.networkCode}. Check the region or Base URL in the Userflow credential; if they go through a server you trust that uses its own certificate (a company proxy or gateway), give n8n its CA certificate (NODE_EXTRA_CA_CERTS) or turn on Ignore SSL Issues in the Userflow node's Settings → Request Options.`,
		};
	}
	if (details.networkCode) {
		// The code goes in the description: n8n rewrites messages that contain one.
		return {
			message: `Could not reach Userflow after ${attemptsText(attempts)}`,
			description: `Network error ${details.networkCode}. Check the region or Base URL in the Userflow credential and the network of this n8n instance.`,
		};
	}
	return {
		message: details.userflowError?.message ?? fallbackMessage ?? 'Userflow request failed',
		description: userflowCode ? `Userflow's error code: ${userflowCode}.` : undefined,
	};
}

/**
 * Turns whatever the request layer threw into a NodeApiError that names the object, keeps
 * Userflow's HTTP status and error code, and never carries the request headers or the API
 * key (removed from every text by value, not only by its usual `ak_` shape). The item number
 * is not in the message: n8n shows it next to the error.
 */
export function toUserflowError(
	node: INode,
	error: unknown,
	subject: FailureSubject,
	context: FailureContext = {},
): NodeApiError {
	const paced = error instanceof PacedRequestFailure ? error : undefined;
	const failure = paced ? paced.failure : error;
	const details = readFailure(failure);
	const fallback = failure instanceof Error ? failure.message : undefined;
	const { message, description } = explain(details, paced?.stoppedBecause ?? 'final', paced?.attempts ?? 1, subject, context, fallback);
	const secrets = context.secrets ?? [];
	const safeBody: JsonObject = details.userflowError
		? {
				error: {
					code: details.userflowError.code === undefined ? null : redactSecrets(String(details.userflowError.code), secrets),
					message: redactSecrets(String(details.userflowError.message ?? ''), secrets),
				},
			}
		: {};
	return new NodeApiError(node, safeBody, {
		message: redactSecrets(message, secrets),
		description: description === undefined ? undefined : redactSecrets(description, secrets),
		httpCode: details.status !== undefined ? String(details.status) : undefined,
		itemIndex: subject.itemIndex,
	});
}
