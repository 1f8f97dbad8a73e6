/**
 * Whether writing one attribute value would leave what Userflow stores as it is.
 *
 * The answer is `true` only when that is certain: same type and same value (lists in
 * order), datetimes the same instant whatever their text, `null` (Clear) against a value
 * that is absent. Every change operation but a plain `set` (add, subtract, append,
 * prepend, set_once, remove) is "would change": its effect depends on Userflow, not on us.
 * Anything this cannot decide is "would change" too, so the item is sent.
 */
type Stored = unknown;

function isScalar(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Strict equality of plain values: no "5" == 5, no true == "true"; lists element by element, in order. */
export function samePlainValue(intended: unknown, stored: Stored): boolean {
	if (Array.isArray(intended)) {
		return (
			Array.isArray(stored) &&
			stored.length === intended.length &&
			intended.every((element, index) => isScalar(element) && element === stored[index])
		);
	}
	return isScalar(intended) && intended === stored;
}

/** ISO 8601 date or date-time with a zone: the forms Userflow takes and answers. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/**
 * Epoch ms of an ISO 8601 text, or undefined when it is not one or carries more than
 * millisecond precision (Userflow might keep digits that ms comparison would hide).
 */
export function instantOf(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = ISO_INSTANT.exec(value.trim());
	if (!match) return undefined;
	const [, date, hoursMinutes, seconds, fraction, zone] = match;
	if (fraction !== undefined && fraction.length > 3 && /[1-9]/.test(fraction.slice(3))) return undefined;
	const text = hoursMinutes
		? `${date}T${hoursMinutes}:${seconds ?? '00'}.${(fraction ?? '').slice(0, 3).padEnd(3, '0')}${normaliseZone(zone)}`
		: `${date}T00:00:00.000Z`;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : ms;
}

function normaliseZone(zone: string): string {
	if (zone.toUpperCase() === 'Z') return 'Z';
	return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

export function sameInstant(intended: unknown, stored: Stored): boolean {
	const a = instantOf(intended);
	return a !== undefined && a === instantOf(stored);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `{"set": v, "data_type": t}`: Userflow stores v as type t; compare what it would store. */
function sameTypedOperand(operand: unknown, dataType: unknown, stored: Stored): boolean {
	switch (dataType) {
		case undefined:
			return samePlainValue(operand, stored);
		case 'datetime':
			return sameInstant(operand, stored);
		case 'number': {
			const number = typeof operand === 'string' && NUMBER_TEXT.test(operand.trim()) ? Number(operand.trim()) : operand;
			return typeof number === 'number' && Number.isFinite(number) && number === stored;
		}
		case 'string':
			return typeof operand === 'string' && operand === stored;
		case 'boolean':
			return typeof operand === 'boolean' && operand === stored;
		case 'list':
			return Array.isArray(operand) && samePlainValue(operand, stored);
		default:
			return false;
	}
}

const isAbsent = (stored: Stored) => stored === undefined || stored === null;

/**
 * `stored` is undefined when the attribute is absent. `datetimeAttribute`: Userflow's
 * definition says the attribute is a datetime, so it reads a text sent to it as an instant.
 */
export function valueChangesNothing(intended: unknown, stored: Stored, datetimeAttribute = false): boolean {
	if (intended === null) return isAbsent(stored);
	if (datetimeAttribute && typeof intended === 'string') return sameInstant(intended, stored);
	if (isScalar(intended) || Array.isArray(intended)) return samePlainValue(intended, stored);
	if (typeof intended !== 'object') return false;
	const change = intended as Record<string, unknown>;
	const operations = Object.keys(change).filter((key) => key !== 'data_type');
	if (operations.length !== 1 || operations[0] !== 'set') return false;
	if (change.set === null) return isAbsent(stored);
	const dataType = change.data_type === undefined && datetimeAttribute ? 'datetime' : change.data_type;
	return sameTypedOperand(change.set, dataType, stored);
}

/** Own properties only: an attribute named "constructor" must not find Object's. */
export function storedAttribute(attributes: Record<string, unknown>, name: string): Stored {
	return Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name] : undefined;
}

/**
 * Every attribute the write sets leaves its stored value as it is. `datetimeNames`: the
 * attributes Userflow defines as datetimes (their text is compared as an instant).
 */
export function attributesChangeNothing(
	intended: unknown,
	stored: Record<string, unknown>,
	datetimeNames: ReadonlySet<string> = new Set(),
): boolean {
	if (intended === undefined) return true;
	if (typeof intended !== 'object' || intended === null || Array.isArray(intended)) return false;
	return Object.entries(intended).every(([name, value]) =>
		valueChangesNothing(value, storedAttribute(stored, name), datetimeNames.has(name)),
	);
}
