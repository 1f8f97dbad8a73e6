/**
 * Userflow attribute semantics: upserts merge, `null` clears, and a value may instead be one
 * change operation (`{"add": 1}`, `{"append": "x", "data_type": "list"}`, ...).
 * Everything malformed is rejected with 400 invalid_params, because a stricter real Userflow
 * must never reject what the emulator accepted.
 */
import { invalidParams } from './errors';
import { isIsoDateTime } from './time';
import type { AttributeDataType, AttributeMap } from './types';

export const CHANGE_OPERATIONS = ['set', 'set_once', 'add', 'subtract', 'append', 'prepend', 'remove'] as const;
export type ChangeOperation = (typeof CHANGE_OPERATIONS)[number];
export const DATA_TYPES: readonly AttributeDataType[] = ['string', 'number', 'boolean', 'datetime', 'list'];

export interface AttributeRules {
	/** Whether `null` (clear) is accepted as a value. */
	allowNull: boolean;
	/** Operations accepted in place of a plain value. */
	operations: readonly ChangeOperation[];
}

/** Users, groups and memberships: every operation, `null` clears. */
export const PROFILE_ATTRIBUTE_RULES: AttributeRules = { allowNull: true, operations: CHANGE_OPERATIONS };
/** Events take plain values or `{"set": v, "data_type": ...}`; there is nothing to clear. */
export const EVENT_ATTRIBUTE_RULES: AttributeRules = { allowNull: false, operations: ['set'] };

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
	return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** A plain value: a string, number, boolean (datetimes are strings) or a list of these. */
export function isPlainValue(value: unknown): boolean {
	return isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matchesDataType(value: unknown, dataType: AttributeDataType): boolean {
	switch (dataType) {
		case 'string':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number';
		case 'boolean':
			return typeof value === 'boolean';
		case 'datetime':
			return isIsoDateTime(value);
		case 'list':
			return Array.isArray(value);
	}
}

/**
 * Returns a new attribute map: `current` with `changes` applied. Throws 400 invalid_params
 * (leaving `current` untouched) when any change is malformed.
 */
export function applyAttributeChanges(
	current: AttributeMap,
	changes: unknown,
	where: string,
	rules: AttributeRules = PROFILE_ATTRIBUTE_RULES,
): AttributeMap {
	if (!isPlainObject(changes)) throw invalidParams(`${where} must be an object`);
	const next: AttributeMap = {};
	for (const [name, value] of Object.entries(current)) put(next, name, value);
	for (const [name, change] of Object.entries(changes)) {
		const at = `${where}.${name}`;
		if (name.trim() === '') throw invalidParams(`${where} has an empty attribute name`);
		if (change === null) {
			if (!rules.allowNull) throw invalidParams(`${at} cannot be null`);
			delete next[name];
		} else if (isPlainValue(change)) {
			put(next, name, copy(change));
		} else if (isPlainObject(change)) {
			applyOperation(next, name, change, at, rules);
		} else {
			throw invalidParams(`${at} must be a string, number, boolean, a list of these, null or a change operation`);
		}
	}
	return next;
}

/**
 * Sets an attribute as an own property, so `constructor`, `toString` or `__proto__` are
 * ordinary names (a plain assignment to `__proto__` would set the prototype instead).
 */
function put(attributes: AttributeMap, name: string, value: unknown): void {
	Object.defineProperty(attributes, name, { value, writable: true, enumerable: true, configurable: true });
}

function copy(value: unknown): unknown {
	return Array.isArray(value) ? [...value] : value;
}

function applyOperation(
	attributes: AttributeMap,
	name: string,
	change: Record<string, unknown>,
	at: string,
	rules: AttributeRules,
): void {
	const keys = Object.keys(change).filter((key) => key !== 'data_type');
	if (keys.length !== 1) {
		throw invalidParams(`${at} must have exactly one change operation (${rules.operations.join(', ')})`);
	}
	const operation = keys[0] as ChangeOperation;
	if (!rules.operations.includes(operation)) {
		throw invalidParams(`${at} has an unknown change operation '${keys[0]}'`);
	}
	let dataType: AttributeDataType | undefined;
	if ('data_type' in change) {
		if (!DATA_TYPES.includes(change.data_type as AttributeDataType)) {
			throw invalidParams(`${at}.data_type must be one of ${DATA_TYPES.join(', ')}`);
		}
		dataType = change.data_type as AttributeDataType;
	}
	const operand = change[operation];
	const existing = Object.hasOwn(attributes, name) ? attributes[name] : undefined;

	switch (operation) {
		case 'set':
		case 'set_once': {
			if (operand === null && rules.allowNull) {
				if (operation === 'set') delete attributes[name];
				return;
			}
			if (!isPlainValue(operand)) throw invalidParams(`${at}.${operation} must be a plain value`);
			if (dataType && !matchesDataType(operand, dataType)) {
				throw invalidParams(`${at}.${operation} is not a valid ${dataType}`);
			}
			if (operation === 'set' || existing === undefined) put(attributes, name, copy(operand));
			return;
		}
		case 'add':
		case 'subtract': {
			if (typeof operand !== 'number' || !Number.isFinite(operand)) {
				throw invalidParams(`${at}.${operation} must be a number`);
			}
			if (dataType && dataType !== 'number') throw invalidParams(`${at}: ${operation} needs data_type number`);
			if (existing !== undefined && typeof existing !== 'number') {
				throw invalidParams(`${at}: cannot ${operation} on an attribute that is not a number`);
			}
			const base = existing ?? 0;
			put(attributes, name, operation === 'add' ? base + operand : base - operand);
			return;
		}
		case 'append':
		case 'prepend':
		case 'remove': {
			if (!isPlainValue(operand)) throw invalidParams(`${at}.${operation} must be a value or a list of values`);
			if (dataType && dataType !== 'list') throw invalidParams(`${at}: ${operation} needs data_type list`);
			if (existing !== undefined && !Array.isArray(existing)) {
				throw invalidParams(`${at}: cannot ${operation} on an attribute that is not a list`);
			}
			const items = Array.isArray(operand) ? operand : [operand];
			const list = (existing as unknown[] | undefined) ?? [];
			if (operation === 'append') put(attributes, name, [...list, ...items]);
			else if (operation === 'prepend') put(attributes, name, [...items, ...list]);
			else if (existing !== undefined) put(attributes, name, list.filter((item) => !items.includes(item)));
			return;
		}
	}
}
