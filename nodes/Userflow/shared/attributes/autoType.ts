import { isEmptyValue } from './coerceValue';
import { ATTRIBUTE_TYPES, type AttributeRow, type AttributeType } from './types';

/**
 * Type "Auto" (version 2's default): the type Userflow's attribute definition gives when it
 * knows the attribute, otherwise the value's own type. Text is never read as something else
 * ("02134" stays text unless Userflow says the attribute is a number).
 */
export const AUTO_TYPE = 'auto';

function isDateTimeObject(value: unknown): boolean {
	if (value instanceof Date) return true;
	return typeof value === 'object' && value !== null && typeof (value as { toMillis?: unknown }).toMillis === 'function';
}

export function resolveAutoType(value: unknown, definedType: string | undefined): AttributeType {
	if (definedType !== undefined && (ATTRIBUTE_TYPES as readonly string[]).includes(definedType)) {
		return definedType as AttributeType;
	}
	if (typeof value === 'number') return 'number';
	if (typeof value === 'boolean') return 'boolean';
	if (Array.isArray(value)) return 'list';
	if (isDateTimeObject(value)) return 'datetime';
	return 'string';
}

/** Actions whose operand type comes from the row's Type (the others imply number or list). */
const TYPED_ACTIONS: readonly unknown[] = [undefined, null, '', 'set', 'set_once'];

/** Whether a row's value can only be converted once Userflow's definitions are known. */
export function needsDefinedType(row: AttributeRow): boolean {
	return row.type === AUTO_TYPE && TYPED_ACTIONS.includes(row.action) && !isEmptyValue(row.value);
}
