import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { checkId, type IdRuleOptions } from './idRule';
import { invalidInput } from './invalidInput';

/**
 * Reads a user, group or content ID (a plain string or a resource locator) under the ID
 * rule (idRule.ts) and refuses a blank one: `POST /users` with an empty id, or
 * `GET /users/`, would do something else entirely.
 */
export function requiredId(
	ctx: IExecuteSingleFunctions,
	parameterName: string,
	label: string,
	options: IdRuleOptions = {},
): string {
	return readId(ctx, parameterName, label, true, options) as string;
}

/** Like requiredId, but an empty value means "not given". */
export function optionalId(
	ctx: IExecuteSingleFunctions,
	parameterName: string,
	label: string,
	options: IdRuleOptions = {},
): string | undefined {
	return readId(ctx, parameterName, label, false, options);
}

function readId(
	ctx: IExecuteSingleFunctions,
	parameterName: string,
	label: string,
	required: boolean,
	options: IdRuleOptions,
): string | undefined {
	const raw = ctx.getNodeParameter(parameterName, '', { extractValue: true }) as unknown;
	const check = checkId(raw, options);
	if (check.ok) return check.id;
	if (check.empty && !required) return undefined;
	throw invalidInput(ctx, label, check.problem);
}
