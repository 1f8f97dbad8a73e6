import { AUTO_TYPE, resolveAutoType } from './autoType';
import { coerceValue, isEmptyValue, toList, toNumber } from './coerceValue';
import {
	ATTRIBUTE_ACTIONS,
	ATTRIBUTE_TYPES,
	AttributeInputError,
	PROFILE_RULES,
	type AttributeAction,
	type AttributeMap,
	type AttributeRow,
	type AttributeRules,
	type AttributeType,
	type AttributeValue,
} from './types';

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string, what: string): T {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw new AttributeInputError(field, `'${String(value)}' is not a known ${what} (${allowed.join(', ')})`);
}

const ROW_TYPES = [...ATTRIBUTE_TYPES, AUTO_TYPE] as const;

/**
 * The value Userflow should receive for one row, or undefined when the row sends nothing.
 * `definedType` is Userflow's data type for the attribute, when it knows it (Type "Auto").
 */
export function rowToValue(
	row: AttributeRow,
	field: string,
	rules: AttributeRules = PROFILE_RULES,
	definedType?: string,
): AttributeValue | undefined {
	const action = pick<AttributeAction>(row.action, ATTRIBUTE_ACTIONS, 'set', field, 'action');
	const chosen = pick<AttributeType | typeof AUTO_TYPE>(row.type, ROW_TYPES, 'string', field, 'type');
	const type = chosen === AUTO_TYPE ? resolveAutoType(row.value, definedType) : chosen;
	if (action === 'clear') {
		if (!rules.allowNull) throw new AttributeInputError(field, 'cannot be cleared here');
		return null;
	}
	if (action !== 'set' && !rules.operations.includes(action)) {
		throw new AttributeInputError(field, `the action '${action}' is not possible here (only ${rules.operations.join(', ')})`);
	}
	// An empty optional field sends nothing: an upsert must never clear what nobody asked to clear.
	if (isEmptyValue(row.value)) return undefined;
	switch (action) {
		case 'set': {
			const value = coerceValue(row.value, type, field);
			// A datetime is a string on the wire: say so, or Userflow may store it as text.
			return type === 'datetime' ? { set: value, data_type: 'datetime' } : value;
		}
		case 'set_once':
			return { set_once: coerceValue(row.value, type, field), data_type: type };
		case 'add':
		case 'subtract':
			return { [action]: toNumber(row.value, field) };
		case 'append':
		case 'prepend':
		case 'remove':
			return { [action]: toList(row.value, field) };
	}
}

/**
 * A row's attribute name: text in version 1, a resource locator (`{__rl, mode, value}`,
 * picked from the list or typed By Name) in version 2.
 */
export function rowName(name: unknown): unknown {
	const value = typeof name === 'object' && name !== null && 'value' in name ? (name as { value: unknown }).value : name;
	return typeof value === 'string' ? value.trim() : value;
}

/**
 * "One by one": each row names an attribute, its type and what to do with it. Rows
 * without a name and value are ignored (an empty row left in the editor). `definedTypes`:
 * Userflow's data type per known attribute name, for rows of Type "Auto".
 */
export function attributesFromRows(
	rows: readonly AttributeRow[],
	label: string,
	rules: AttributeRules = PROFILE_RULES,
	definedTypes: ReadonlyMap<string, string> = new Map(),
): AttributeMap {
	const attributes: AttributeMap = {};
	for (const [index, row] of rows.entries()) {
		const name = rowName(row.name);
		if (name === undefined || name === null || name === '') {
			if (isEmptyValue(row.value)) continue;
			throw new AttributeInputError(`${label} › row ${index + 1}`, 'has a value but no attribute name');
		}
		if (typeof name !== 'string') {
			throw new AttributeInputError(`${label} › row ${index + 1}`, 'the attribute name must be text');
		}
		const field = `${label} › ${name}`;
		if (name in attributes) throw new AttributeInputError(field, 'is listed more than once');
		const value = rowToValue(row, field, rules, definedTypes.get(name));
		if (value !== undefined) attributes[name] = value;
	}
	return attributes;
}
