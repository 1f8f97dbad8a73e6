import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from './invalidInput';

/**
 * Reads a user or group ID (a plain string or a resource locator) and refuses a blank one:
 * `POST /users` with an empty id, or `GET /users/`, would do something else entirely.
 */
export function requiredId(ctx: IExecuteSingleFunctions, parameterName: string, label: string): string {
	return optionalId(ctx, parameterName, label, true) as string;
}

export function optionalId(
	ctx: IExecuteSingleFunctions,
	parameterName: string,
	label: string,
	required = false,
): string | undefined {
	const raw = ctx.getNodeParameter(parameterName, '', { extractValue: true }) as unknown;
	const id = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
	if (id === undefined || id === null || (typeof id === 'string' && id.trim() === '')) {
		if (required) throw invalidInput(ctx, label, 'is empty; give the ID used in your app');
		return undefined;
	}
	if (typeof id !== 'string') throw invalidInput(ctx, label, 'must be text');
	return id.trim();
}
