import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { checkId } from './idRule';
import { invalidInput } from './invalidInput';

function optionalParameter<T>(ctx: IExecuteSingleFunctions, name: string, fallback: T, extractValue = false): T {
	try {
		return ctx.getNodeParameter(name, fallback, { extractValue }) as T;
	} catch {
		return fallback;
	}
}

function describe(value: unknown): string {
	if (typeof value === 'string') return `'${value}'`;
	if (typeof value === 'number') return String(value);
	return JSON.stringify(value) ?? String(value);
}

/**
 * How many records a Get Many returns: everything with Return All, else Limit, which must
 * be a whole number of at least 1 ("abc", 0, -5 or 150.7 would return nothing, or fail only
 * after a page was read). Checked before any request.
 */
export function readLimit(ctx: IExecuteSingleFunctions): number {
	if (optionalParameter<unknown>(ctx, 'returnAll', false) === true) return Number.POSITIVE_INFINITY;
	const raw = optionalParameter<unknown>(ctx, 'limit', 50);
	const limit = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw invalidInput(ctx, 'Limit', `${describe(raw)} is not a whole number of 1 or more`);
	}
	return limit;
}

const FILTER_LABELS: Record<string, string> = { email: 'Email', userId: 'User', type: 'Type', scope: 'Scope' };
/** Filters that hold an ID follow the ID rule (no silent trimming). */
const ID_FILTERS = new Set(['userId']);

/**
 * Every Get Many filter is sent as one query value: an object or a list (from an
 * expression) would travel as `[object Object]` or `email[0]=...` and filter by something
 * else. Refused before any request, naming the filter.
 */
export function checkListFilters(ctx: IExecuteSingleFunctions): void {
	const filters = optionalParameter<IDataObject>(ctx, 'filters', {});
	if (!filters || typeof filters !== 'object') return;
	for (const name of Object.keys(filters)) {
		const value = optionalParameter<unknown>(ctx, `filters.${name}`, undefined, true);
		const field = `Filters › ${FILTER_LABELS[name] ?? name}`;
		if (typeof value === 'object' && value !== null) {
			throw invalidInput(ctx, field, `must be text, not ${Array.isArray(value) ? 'a list' : 'an object'}`);
		}
		if (ID_FILTERS.has(name)) {
			const check = checkId(value);
			if (!check.ok && !check.empty) throw invalidInput(ctx, field, check.problem);
		}
	}
}
