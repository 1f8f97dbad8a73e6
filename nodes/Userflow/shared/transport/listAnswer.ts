import type { IDataObject } from 'n8n-workflow';

import { redactSecrets } from './redaction';

/**
 * Userflow's list envelope, checked: `{"object": "list", "data": [...], "has_more": bool}`
 * with an id on every item. Anything else that comes with a 200 (an HTML page from a proxy,
 * an error body, a list without ids) is refused instead of being read as "no records",
 * which would make Get Many return nothing and a trigger save an empty position.
 */
export interface ListAnswer {
	data: IDataObject[];
	hasMore: boolean;
}

/** A successful answer that is not what Userflow sends; the message says what it was. */
export class MalformedAnswerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MalformedAnswerError';
	}
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeNonList(answer: unknown): string {
	if (typeof answer === 'string') {
		return /^\s*</.test(answer) ? 'it is an HTML page, not JSON' : 'it is text, not JSON';
	}
	if (!isObject(answer)) return `it is ${answer === null ? 'null' : Array.isArray(answer) ? 'a bare array' : `a ${typeof answer}`}`;
	const error = answer.error;
	if (isObject(error)) {
		const code = typeof error.code === 'string' ? ` (${error.code})` : '';
		const message = typeof error.message === 'string' ? `: ${error.message}` : '';
		return `it is an error${code}${message}`;
	}
	return 'it has no data list';
}

export function readListAnswer(answer: unknown, secrets: readonly string[] = []): ListAnswer {
	if (!isObject(answer) || !Array.isArray(answer.data)) {
		throw new MalformedAnswerError(redactSecrets(`Userflow answered with success but not with a list: ${describeNonList(answer)}`, secrets));
	}
	const position = answer.data.findIndex(
		(item) => !isObject(item) || !(typeof item.id === 'string' || typeof item.id === 'number') || String(item.id) === '',
	);
	if (position !== -1) {
		throw new MalformedAnswerError(`Userflow answered with a list whose item ${position + 1} has no id`);
	}
	if (answer.has_more !== undefined && answer.has_more !== null && typeof answer.has_more !== 'boolean') {
		throw new MalformedAnswerError('Userflow answered with a list whose has_more is not true or false');
	}
	return { data: answer.data as IDataObject[], hasMore: answer.has_more === true };
}

/** A single object answer (Get, Delete, upserts): a JSON object, not text or a list. */
export function isObjectAnswer(answer: unknown): answer is IDataObject {
	return isObject(answer);
}
