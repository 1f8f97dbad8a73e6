import { MAX_DATE_MS, parseIsoText } from '../time/isoInstant';
import { parseJson } from './parseJson';
import { AttributeInputError, type AttributeScalar, type AttributeType } from './types';

/** Empty means "the user gave nothing": such an optional field sends nothing. */
export function isEmptyValue(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function describe(value: unknown): string {
	if (typeof value === 'string') return `'${value}'`;
	// JSON.stringify would say "null" for these, which is exactly what must not happen.
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A finite number: JSON has no Infinity or NaN, so `1e999` would travel as `null` and clear
 * the attribute while the item reported success.
 */
export function toNumber(value: unknown, field: string): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'number') throw new AttributeInputError(field, `${describe(value)} is not a number Userflow can store`);
	if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) {
		const number = Number(value.trim());
		if (Number.isFinite(number)) return number;
		throw new AttributeInputError(field, `${describe(value)} is too large to be a number`);
	}
	throw new AttributeInputError(field, `${describe(value)} is not a number`);
}

const TRUE_TEXT = new Set(['true', 'yes', '1']);
const FALSE_TEXT = new Set(['false', 'no', '0']);

export function toBoolean(value: unknown, field: string): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (TRUE_TEXT.has(text)) return true;
		if (FALSE_TEXT.has(text)) return false;
	}
	throw new AttributeInputError(field, `${describe(value)} is not a boolean (use true or false)`);
}

/** Unix time below this is read as seconds, above as milliseconds (year 5138 in seconds). */
const SECONDS_LIMIT = 1e11;

/**
 * Userflow wants datetimes as ISO 8601 strings; this accepts what workflows usually carry
 * (ISO strings, `YYYY-MM-DD HH:mm:ss`, Date and Luxon DateTime objects, Unix time) and
 * answers an ISO 8601 string in UTC.
 */
export function toIsoDateTime(value: unknown, field: string): string {
	let ms: number | undefined;
	if (value instanceof Date) ms = value.getTime();
	else if (typeof value === 'number' && Number.isFinite(value)) ms = Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
	else if (isLuxonLike(value)) ms = value.toMillis();
	else if (typeof value === 'string') {
		const parsed = parseIsoText(value.trim());
		if (parsed && 'problem' in parsed) {
			throw new AttributeInputError(field, `${describe(value)} is not a real date and time: ${parsed.problem}`);
		}
		ms = parsed?.ms;
	}
	if (ms === undefined || Number.isNaN(ms)) {
		throw new AttributeInputError(field, `${describe(value)} is not a date (use ISO 8601, e.g. 2024-05-01T12:00:00Z)`);
	}
	// Beyond years 0000-9999 toISOString writes the extended form (+010000-01-01T...), which
	// is not the ISO 8601 datetime Userflow takes: refused here, before anything is sent.
	const year = Math.abs(ms) > MAX_DATE_MS ? Number.NaN : new Date(ms).getUTCFullYear();
	if (!(year >= 0 && year <= 9999)) {
		throw new AttributeInputError(field, `${describe(value)} is outside the years 0000 to 9999 that Userflow's ISO 8601 dates can hold`);
	}
	return new Date(ms).toISOString();
}

function isLuxonLike(value: unknown): value is { toMillis(): number } {
	return typeof value === 'object' && value !== null && typeof (value as { toMillis?: unknown }).toMillis === 'function';
}

export function toScalar(value: unknown, field: string): AttributeScalar {
	if (typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	throw new AttributeInputError(field, `${describe(value)} is not a text, number or boolean`);
}

/**
 * A list from an array, a JSON array text, or comma-separated text. Elements keep their
 * JSON types (numbers stay numbers).
 */
export function toList(value: unknown, field: string): AttributeScalar[] {
	let items: unknown[];
	if (Array.isArray(value)) items = value;
	else if (typeof value === 'string' && value.trim().startsWith('[')) {
		const parsed = parseJson(value);
		if (!parsed.ok) throw new AttributeInputError(field, `${describe(value)} is not a valid JSON list`);
		items = parsed.value as unknown[];
		if (!Array.isArray(items)) throw new AttributeInputError(field, `${describe(value)} is not a list`);
	} else if (typeof value === 'string') {
		items = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
	} else items = [value];
	return items.map((item, index) => toScalar(item, `${field}[${index}]`));
}

export function toText(value: unknown, field: string): string {
	if (typeof value === 'string') return value;
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
	throw new AttributeInputError(field, `${describe(value)} is not a text`);
}

/** Converts a value to the chosen type, or explains why it does not fit. */
export function coerceValue(value: unknown, type: AttributeType, field: string): AttributeScalar | AttributeScalar[] {
	switch (type) {
		case 'string':
			return toText(value, field);
		case 'number':
			return toNumber(value, field);
		case 'boolean':
			return toBoolean(value, field);
		case 'datetime':
			return toIsoDateTime(value, field);
		case 'list':
			return toList(value, field);
	}
}
