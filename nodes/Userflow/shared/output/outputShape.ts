import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../validation/invalidInput';

/**
 * What a read returns, in n8n's three output modes for tool-usable nodes: Simplified (Simplify
 * on, the default), Raw (Simplify off, Userflow's object) and Selected Fields (Options →
 * Selected Fields: only the named fields of either). Selected Fields is an option, not a new
 * value of Simplify: workflows saved with Simplify keep its meaning, no node version needed.
 * Every read that returns records (user and group Get and Get Many, Membership Get Many)
 * reads the shape here and applies it with shapeOutput, so the modes mean the same everywhere.
 */
export interface OutputShape {
	simplify: boolean;
	/** Dot paths to keep; undefined keeps the whole record. */
	fields?: string[];
}

/** A path is names joined by dots: `email`, `attributes.plan`, `memberships`. */
const FIELD_PATH = /^[^.\s]+(\.[^.\s]+)*$/;
/** Names that would reach an object's prototype when copied. */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export const selectedFieldsOption: INodeProperties = {
	displayName: 'Selected Fields',
	name: 'selectedFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. email, plan',
	description:
		'Return only these fields of each record, comma-separated, as Simplify gives them: flat names with Simplify on (email, plan), dot paths into Userflow\'s object with it off (attributes.plan). Keeps AI Agent answers small. Empty: every field.',
};

function optionalParameter<T>(ctx: IExecuteSingleFunctions, name: string, fallback: T): T {
	try {
		return ctx.getNodeParameter(name, fallback) as T;
	} catch {
		return fallback;
	}
}

/** `simplifyDefault`: Simplify's default where the operation has the field (version 1 Get has none). */
export function readOutputShape(ctx: IExecuteSingleFunctions, simplifyDefault: boolean): OutputShape {
	const simplify = optionalParameter<unknown>(ctx, 'simplify', simplifyDefault) === true;
	const raw = optionalParameter<unknown>(ctx, 'options.selectedFields', '');
	if (raw === undefined || raw === null || raw === '') return { simplify };
	if (typeof raw !== 'string') {
		throw invalidInput(ctx, 'Selected Fields', `${JSON.stringify(raw)} is not a comma-separated list of field names`);
	}
	const fields = raw.split(',').map((field) => field.trim()).filter((field) => field !== '');
	const bad = fields.find((field) => !FIELD_PATH.test(field) || field.split('.').some((name) => UNSAFE_NAMES.has(name)));
	if (bad !== undefined) {
		throw invalidInput(ctx, 'Selected Fields', `'${bad}' is not a field name or a dot path such as attributes.plan`);
	}
	return fields.length === 0 ? { simplify } : { simplify, fields };
}

/**
 * One record as the shape asks: simplified (by the operation's own simplifier) or raw, then
 * cut to the selected fields. A selected field the record does not have is left out, as
 * Userflow leaves out an attribute that was never set.
 */
export function shapeOutput(record: IDataObject, shape: OutputShape, simplifier: (record: IDataObject) => IDataObject): IDataObject {
	const whole = shape.simplify ? simplifier(record) : record;
	if (!shape.fields) return whole;
	const selected: IDataObject = {};
	for (const field of shape.fields) copyPath(whole, selected, field.split('.'));
	return selected;
}

/** Copies the value at `path` from one object into the same place of another, if it is there. */
function copyPath(from: IDataObject, to: IDataObject, path: string[]): void {
	const [name, ...rest] = path;
	if (!Object.prototype.hasOwnProperty.call(from, name)) return;
	const value = from[name];
	if (rest.length === 0) {
		to[name] = value;
		return;
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
	const target = to[name];
	const nested = target !== null && typeof target === 'object' && !Array.isArray(target) ? (target as IDataObject) : {};
	copyPath(value as IDataObject, nested, rest);
	if (Object.keys(nested).length > 0) to[name] = nested;
}
