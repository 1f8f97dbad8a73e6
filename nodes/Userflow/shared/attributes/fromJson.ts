import { isEmptyValue, toIsoDateTime } from './coerceValue';
import { parseJson } from './parseJson';
import {
	AttributeInputError,
	ATTRIBUTE_TYPES,
	PROFILE_RULES,
	type AttributeMap,
	type AttributeRules,
	type AttributeValue,
} from './types';

function isNonFiniteNumber(value: unknown): boolean {
	return typeof value === 'number' && !Number.isFinite(value);
}

function isScalar(value: unknown): boolean {
	return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isPlainValue(value: unknown): boolean {
	return isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

/** Checks one value the way Userflow reads it, so a mistake fails before anything is sent. */
export function checkAttributeValue(value: unknown, field: string, rules: AttributeRules = PROFILE_RULES): AttributeValue {
	if (value === null) {
		if (!rules.allowNull) throw new AttributeInputError(field, 'cannot be null here');
		return null;
	}
	if (isPlainValue(value)) return value as AttributeValue;
	// JSON.parse reads 1e999 as Infinity, which JSON cannot carry: it would be sent as null.
	if (isNonFiniteNumber(value) || (Array.isArray(value) && value.some(isNonFiniteNumber))) {
		throw new AttributeInputError(field, 'is a number too large for Userflow to store (not finite)');
	}
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw new AttributeInputError(field, 'must be a text, number, boolean, a list of these, null or a change operation');
	}
	const change = value as Record<string, unknown>;
	const operations = Object.keys(change).filter((key) => key !== 'data_type');
	if (operations.length !== 1 || !rules.operations.includes(operations[0])) {
		throw new AttributeInputError(field, `must be a plain value or exactly one of ${rules.operations.map((op) => `{"${op}": ...}`).join(', ')}`);
	}
	const [operation] = operations;
	const operand = change[operation];
	if ('data_type' in change && !(ATTRIBUTE_TYPES as readonly unknown[]).includes(change.data_type)) {
		throw new AttributeInputError(field, `data_type must be one of ${ATTRIBUTE_TYPES.join(', ')}`);
	}
	if (isNonFiniteNumber(operand) || (Array.isArray(operand) && operand.some(isNonFiniteNumber))) {
		throw new AttributeInputError(field, `"${operation}" has a number too large for Userflow to store (not finite)`);
	}
	if ((operation === 'add' || operation === 'subtract') && !(typeof operand === 'number' && Number.isFinite(operand))) {
		throw new AttributeInputError(field, `"${operation}" needs a number`);
	}
	const clearsOnce = operand === null && rules.allowNull && (operation === 'set' || operation === 'set_once');
	if (!clearsOnce && operation !== 'add' && operation !== 'subtract' && !isPlainValue(operand)) {
		throw new AttributeInputError(field, `"${operation}" needs a text, number, boolean or a list of these`);
	}
	// Sent as written, but a datetime that names no real instant (`2024-02-30`, year 300000)
	// would be rolled over or refused by Userflow after the item reported success.
	if (change.data_type === 'datetime' && typeof operand === 'string') toIsoDateTime(operand, field);
	return change as AttributeValue;
}

/**
 * "JSON": an object the user already has, passed through as Userflow expects it (change
 * operations included) after checking every value. Text is parsed; invalid JSON is refused.
 */
export function attributesFromJson(input: unknown, label: string, rules: AttributeRules = PROFILE_RULES): AttributeMap {
	if (isEmptyValue(input)) return {};
	let parsed: unknown = input;
	if (typeof input === 'string') {
		const result = parseJson(input);
		if (!result.ok) throw new AttributeInputError(label, `is not valid JSON (${result.reason})`);
		parsed = result.value;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new AttributeInputError(label, 'must be a JSON object of attribute names and values');
	}
	// No prototype: names such as `constructor` or `__proto__` are ordinary attribute names
	// (JSON.parse keeps `"__proto__"` as an own key; a plain object would swallow it).
	const attributes: AttributeMap = Object.create(null) as AttributeMap;
	for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
		if (name.trim() === '') throw new AttributeInputError(label, 'has an empty attribute name');
		attributes[name] = checkAttributeValue(value, `${label} › ${name}`, rules);
	}
	return attributes;
}
