import {
	AttributeInputError,
	attributesFromItem,
	attributesFromJson,
	attributesFromRows,
	coerceValue,
	EVENT_RULES,
	parseFieldList,
	toIsoDateTime,
} from '../../../../../nodes/Userflow/shared/attributes';

function failure(run: () => unknown): AttributeInputError {
	try {
		run();
	} catch (error) {
		if (error instanceof AttributeInputError) return error;
		throw error;
	}
	throw new Error('expected an AttributeInputError');
}

describe('coerceValue', () => {
	it.each([
		['string', 42, '42'],
		['string', true, 'true'],
		['number', '42', 42],
		['number', ' -3.5e2 ', -350],
		['number', 7, 7],
		['boolean', 'TRUE', true],
		['boolean', 'no', false],
		['boolean', 0, false],
		['datetime', '2024-05-01', '2024-05-01T00:00:00.000Z'],
		['datetime', '2024-05-01 12:30', '2024-05-01T12:30:00.000Z'],
		['datetime', '2024-05-01T12:30:00+02:00', '2024-05-01T10:30:00.000Z'],
		['datetime', 1714557600, '2024-05-01T10:00:00.000Z'],
		['datetime', 1714557600000, '2024-05-01T10:00:00.000Z'],
		['datetime', new Date('2024-05-01T10:00:00Z'), '2024-05-01T10:00:00.000Z'],
		['list', 'a, b,,c', ['a', 'b', 'c']],
		['list', '["a, b", 2, true]', ['a, b', 2, true]],
		['list', [1, 'x'], [1, 'x']],
		['list', 'single', ['single']],
	] as const)('%s from %p', (type, input, expected) => {
		expect(coerceValue(input, type, 'f')).toEqual(expected);
	});

	it('reads Luxon DateTime-like objects', () => {
		expect(toIsoDateTime({ toMillis: () => Date.UTC(2024, 0, 2) }, 'f')).toBe('2024-01-02T00:00:00.000Z');
	});

	it.each([
		['number', 'twelve', "'twelve' is not a number"],
		['number', '12abc', "'12abc' is not a number"],
		['number', Number.NaN, 'null is not a number'],
		['boolean', 'maybe', "'maybe' is not a boolean"],
		['datetime', 'yesterday', "'yesterday' is not a date"],
		['datetime', '2024-13-45', "'2024-13-45' is not a date"],
		['list', '[1, {"a": 1}]', '{"a":1} is not a text, number or boolean'],
		['list', '[oops', "'[oops' is not a valid JSON list"],
		['string', { a: 1 }, '{"a":1} is not a text'],
	] as const)('%s refuses %p', (type, input, message) => {
		const error = failure(() => coerceValue(input, type, 'Attributes › x'));
		expect(error.message.startsWith(message)).toBe(true);
		expect(error.field).toMatch(/^Attributes › x/);
	});
});

describe('attributesFromRows', () => {
	it('builds values, operations and clears; empty values send nothing', () => {
		expect(
			attributesFromRows(
				[
					{ name: 'plan', value: 'pro' },
					{ name: ' seats ', type: 'number', value: '5' },
					{ name: 'since', type: 'datetime', value: '2024-01-01' },
					{ name: 'once', action: 'set_once', type: 'number', value: '1' },
					{ name: 'logins', action: 'add', value: 2 },
					{ name: 'credits', action: 'subtract', value: '1.5' },
					{ name: 'tags', action: 'append', value: 'a,b' },
					{ name: 'roles', action: 'prepend', value: 'owner' },
					{ name: 'flags', action: 'remove', value: '["x"]' },
					{ name: 'gone', action: 'clear' },
					{ name: 'nickname', value: '' },
					{ name: 'logouts', action: 'add', value: '' },
					{ name: '', value: '' },
				],
				'Attributes',
			),
		).toEqual({
			plan: 'pro',
			seats: 5,
			since: { set: '2024-01-01T00:00:00.000Z', data_type: 'datetime' },
			once: { set_once: 1, data_type: 'number' },
			logins: { add: 2 },
			credits: { subtract: 1.5 },
			tags: { append: ['a', 'b'] },
			roles: { prepend: ['owner'] },
			flags: { remove: ['x'] },
			gone: null,
		});
	});

	it('numbers typed as numbers and booleans typed as booleans keep their JSON type', () => {
		expect(attributesFromRows([{ name: 'n', type: 'number', value: 0 }, { name: 'b', type: 'boolean', value: false }], 'A')).toEqual({
			n: 0,
			b: false,
		});
	});

	it.each([
		[[{ name: '', value: 'x' }], 'A › row 1', 'has a value but no attribute name'],
		[[{ name: 'a', value: '1' }, { name: 'a', value: '2' }], 'A › a', 'is listed more than once'],
		[[{ name: 'a', type: 'money', value: '1' }], 'A › a', "'money' is not a known type (string, number, boolean, datetime, list, auto)"],
		[[{ name: 'a', action: 'multiply', value: '1' }], 'A › a', "'multiply' is not a known action (set, set_once, add, subtract, append, prepend, remove, clear)"],
	])('refuses %j', (input, field, message) => {
		const error = failure(() => attributesFromRows(input, 'A'));
		expect([error.field, error.message]).toEqual([field, message]);
	});

	it('events take plain values only', () => {
		expect(attributesFromRows([{ name: 'due', type: 'datetime', value: '2024-01-01' }], 'A', EVENT_RULES)).toEqual({
			due: { set: '2024-01-01T00:00:00.000Z', data_type: 'datetime' },
		});
		expect(failure(() => attributesFromRows([{ name: 'a', action: 'clear' }], 'A', EVENT_RULES)).message).toBe('cannot be cleared here');
		expect(failure(() => attributesFromRows([{ name: 'a', action: 'add', value: '1' }], 'A', EVENT_RULES)).message).toContain(
			"the action 'add' is not possible here",
		);
	});
});

describe('attributesFromItem', () => {
	it('keeps JSON types, leaves out listed and empty fields, converts Dates', () => {
		expect(
			attributesFromItem(
				{ id: 'x', email: 'a@b.c', seats: 3, vip: false, tags: ['a'], when: new Date('2024-01-01T00:00:00Z'), blank: '', none: null },
				parseFieldList(' id , other '),
				'Attributes',
			),
		).toEqual({ email: 'a@b.c', seats: 3, vip: false, tags: ['a'], when: '2024-01-01T00:00:00.000Z' });
	});

	it('refuses nested objects and lists of objects', () => {
		expect(failure(() => attributesFromItem({ address: { city: 'Oslo' } }, [], 'A')).field).toBe('A › address');
		expect(failure(() => attributesFromItem({ rows: [{ a: 1 }] }, [], 'A')).field).toBe('A › rows[0]');
	});

	it('parseFieldList takes text or a list', () => {
		expect(parseFieldList(['a', ' b ', ''])).toEqual(['a', 'b']);
		expect(parseFieldList(undefined)).toEqual([]);
	});
});

describe('attributesFromJson', () => {
	it('passes values and operations through, from text or an object', () => {
		const input = { plan: 'pro', n: 1, on: true, l: ['a', 1], gone: null, c: { add: 1 }, d: { set: '2024-01-01', data_type: 'datetime' } };
		expect(attributesFromJson(JSON.stringify(input), 'J')).toEqual(input);
		expect(attributesFromJson(input, 'J')).toEqual(input);
		expect(attributesFromJson('', 'J')).toEqual({});
	});

	it.each([
		['{"a": 1,}', 'J', 'is not valid JSON'],
		['[1]', 'J', 'must be a JSON object of attribute names and values'],
		['"text"', 'J', 'must be a JSON object of attribute names and values'],
		['{"a": {"add": "x"}}', 'J › a', '"add" needs a number'],
		['{"a": {"add": 1, "set": 2}}', 'J › a', 'must be a plain value or exactly one of'],
		['{"a": {"nested": {"b": 1}}}', 'J › a', 'must be a plain value or exactly one of'],
		['{"a": {"set": 1, "data_type": "money"}}', 'J › a', 'data_type must be one of'],
		['{"a": {"append": {"x": 1}}}', 'J › a', '"append" needs a text, number, boolean or a list of these'],
		['{"a": [1, [2]]}', 'J › a', 'must be a text, number, boolean'],
		['{" ": 1}', 'J', 'has an empty attribute name'],
	])('refuses %s', (input, field, message) => {
		const error = failure(() => attributesFromJson(input, 'J'));
		expect(error.field).toBe(field);
		expect(error.message).toContain(message);
	});

	it('events: plain values or set, never null', () => {
		expect(attributesFromJson('{"a": {"set": 1}}', 'J', EVENT_RULES)).toEqual({ a: { set: 1 } });
		expect(failure(() => attributesFromJson('{"a": null}', 'J', EVENT_RULES)).message).toBe('cannot be null here');
		expect(failure(() => attributesFromJson('{"a": {"add": 1}}', 'J', EVENT_RULES)).message).toContain('exactly one of {"set": ...}');
	});
});
