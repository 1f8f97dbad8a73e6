import { isEmptyValue, toIsoDateTime, toList } from './coerceValue';
import { AttributeInputError, type AttributeMap } from './types';

/** "a, b ,c" or ["a", "b"] → the field names to leave out. */
export function parseFieldList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/**
 * "Map automatically": every field of the incoming item becomes an attribute of the same
 * name, keeping its JSON type (numbers stay numbers, booleans booleans, Dates become
 * ISO 8601). Empty fields send nothing. Nested objects have no Userflow equivalent (an
 * object would be read as a change operation), so they are refused, naming the field.
 */
export function attributesFromItem(
	item: Record<string, unknown>,
	fieldsToExclude: readonly string[],
	label: string,
): AttributeMap {
	const excluded = new Set(fieldsToExclude);
	// No prototype: fields such as `constructor` or `__proto__` are ordinary attribute names.
	const attributes: AttributeMap = Object.create(null) as AttributeMap;
	for (const [name, value] of Object.entries(item)) {
		if (excluded.has(name) || isEmptyValue(value)) continue;
		const field = `${label} › ${name}`;
		if (typeof value === 'string' || typeof value === 'boolean') attributes[name] = value;
		else if (typeof value === 'number') {
			if (!Number.isFinite(value)) throw new AttributeInputError(field, `${value} is not a number Userflow can store`);
			attributes[name] = value;
		} else if (value instanceof Date) attributes[name] = toIsoDateTime(value, field);
		else if (Array.isArray(value)) attributes[name] = toList(value, field);
		else {
			throw new AttributeInputError(
				field,
				'is an object; Userflow attributes are flat. Add it to "Fields to Leave Out", or map it one by one',
			);
		}
	}
	return attributes;
}
