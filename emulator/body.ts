/** Strict checks of JSON request bodies: unknown fields, ids and types are all 400s. */
import { isPlainObject } from './attributes';
import { invalidParams } from './errors';

export function requireObject(value: unknown, where: string): Record<string, unknown> {
	if (!isPlainObject(value)) throw invalidParams(`${where} must be a JSON object`);
	return value;
}

/** Rejects fields the contract does not list, so typos never pass silently. */
export function rejectUnknownFields(object: Record<string, unknown>, allowed: readonly string[], where: string): void {
	for (const key of Object.keys(object)) {
		if (!allowed.includes(key)) {
			throw invalidParams(`${where} has an unknown field '${key}' (allowed: ${allowed.join(', ')})`);
		}
	}
}

/** An object id: a non-empty string. */
export function requireId(value: unknown, where: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw invalidParams(`${where} must be a non-empty string`);
	return value;
}

export function optionalId(value: unknown, where: string): string | undefined {
	return value === undefined ? undefined : requireId(value, where);
}

export function optionalBoolean(value: unknown, where: string): boolean | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw invalidParams(`${where} must be true or false`);
	return value;
}

export function optionalArray(value: unknown, where: string): unknown[] | undefined {
	if (value === undefined) return undefined;
	if (!Array.isArray(value)) throw invalidParams(`${where} must be a list`);
	return value;
}
