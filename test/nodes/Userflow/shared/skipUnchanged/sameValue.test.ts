import {
	attributesChangeNothing,
	instantOf,
	samePlainValue,
	valueChangesNothing,
} from '../../../../../nodes/Userflow/shared/skipUnchanged/sameValue';

describe('valueChangesNothing: one attribute write against the stored value', () => {
	it.each([
		['the same text', 'pro', 'pro'],
		['the same number', 5, 5],
		['the same boolean', false, false],
		['the same list, same order', ['a', 'b'], ['a', 'b']],
		['an empty list', [], []],
		['Clear of an absent attribute', null, undefined],
		['Clear of a null attribute', null, null],
		['{"set": null} of an absent attribute', { set: null }, undefined],
		['a plain set', { set: 'pro' }, 'pro'],
		['a datetime as another text of the same instant', { set: '2026-01-02T00:00:00.000Z', data_type: 'datetime' }, '2026-01-02T00:00:00.000+00:00'],
		['a date against its midnight', { set: '2026-01-02', data_type: 'datetime' }, '2026-01-02T00:00:00.000+00:00'],
		['a datetime in another zone', { set: '2026-01-02T01:30:00+01:30', data_type: 'datetime' }, '2026-01-02T00:00:00Z'],
		['a number given as text with data_type number', { set: '5', data_type: 'number' }, 5],
		['a number with data_type number', { set: 5, data_type: 'number' }, 5],
		['a string with data_type string', { set: 'x', data_type: 'string' }, 'x'],
		['a boolean with data_type boolean', { set: true, data_type: 'boolean' }, true],
		['a list with data_type list', { set: ['a'], data_type: 'list' }, ['a']],
	])('changes nothing: %s', (_what, intended, stored) => {
		expect(valueChangesNothing(intended, stored)).toBe(true);
	});

	it.each([
		['another text', 'pro', 'free'],
		['a number against its text', 5, '5'],
		['a text against a number', '5', 5],
		['another number', 5, 6],
		['true against "true"', true, 'true'],
		['1 against true', 1, true],
		['the same list in another order', ['a', 'b'], ['b', 'a']],
		['a longer list', ['a', 'b'], ['a']],
		['a list against a text', ['a'], 'a'],
		['a value of an absent attribute', 'pro', undefined],
		['an empty text of an absent attribute', '', undefined],
		['Clear of a present attribute', null, 'pro'],
		['Clear of false', null, false],
		['a datetime against another instant', { set: '2026-01-02T00:00:00.001Z', data_type: 'datetime' }, '2026-01-02T00:00:00.000+00:00'],
		['a datetime against a non-date text', { set: '2026-01-02T00:00:00Z', data_type: 'datetime' }, 'soon'],
		['a datetime whose precision is finer than ms', { set: '2026-01-02T00:00:00.0001Z', data_type: 'datetime' }, '2026-01-02T00:00:00.000+00:00'],
		['a plain text date against its stored datetime (type unknown)', '2026-01-02', '2026-01-02T00:00:00.000+00:00'],
		['a number as text with data_type number against text', { set: '5', data_type: 'number' }, '5'],
		['a number with data_type string', { set: 5, data_type: 'string' }, '5'],
		['"true" with data_type boolean', { set: 'true', data_type: 'boolean' }, true],
		['an unknown data_type', { set: 'x', data_type: 'colour' }, 'x'],
		['add 0', { add: 0 }, 5],
		['subtract 0', { subtract: 0 }, 5],
		['append nothing new', { append: ['a'] }, ['a']],
		['prepend', { prepend: ['a'] }, ['a']],
		['remove of a missing element', { remove: ['z'] }, ['a']],
		['set_once of a set attribute', { set_once: 'x', data_type: 'string' }, 'x'],
		['two operations', { set: 'x', add: 1 }, 'x'],
		['an object that is not an operation', { colour: 'red' }, 'red'],
		['a non-finite number', Number.NaN, Number.NaN],
	])('would change (or cannot tell): %s', (_what, intended, stored) => {
		expect(valueChangesNothing(intended, stored)).toBe(false);
	});
});

describe('valueChangesNothing for an attribute Userflow defines as a datetime', () => {
	const stored = '2026-01-02T00:00:00.000+00:00';
	it('compares a text as an instant there, and only there', () => {
		expect(valueChangesNothing('2026-01-02T00:00:00Z', stored, true)).toBe(true);
		expect(valueChangesNothing({ set: '2026-01-02' }, stored, true)).toBe(true);
		expect(valueChangesNothing('2026-01-02T00:00:00Z', stored, false)).toBe(false);
		expect(valueChangesNothing('2026-01-02T00:00:01Z', stored, true)).toBe(false);
		expect(valueChangesNothing('tomorrow', stored, true)).toBe(false);
		expect(valueChangesNothing(null, stored, true)).toBe(false);
		expect(valueChangesNothing(null, undefined, true)).toBe(true);
	});
});

describe('instantOf', () => {
	it('reads the forms Userflow takes and answers', () => {
		const midnight = Date.UTC(2026, 0, 2);
		expect(instantOf('2026-01-02')).toBe(midnight);
		expect(instantOf('2026-01-02T00:00:00.000+00:00')).toBe(midnight);
		expect(instantOf('2026-01-02T00:00Z')).toBe(midnight);
		expect(instantOf('2026-01-02T02:00:00+0200')).toBe(midnight);
		expect(instantOf('2026-01-02T00:00:00.000000Z')).toBe(midnight);
	});

	it('refuses what is not an ISO instant with a zone', () => {
		expect(instantOf('2026-01-02T00:00:00')).toBeUndefined();
		expect(instantOf('02/01/2026')).toBeUndefined();
		expect(instantOf('2026-13-45')).toBeUndefined();
		expect(instantOf(1767312000000)).toBeUndefined();
	});
});

describe('attributesChangeNothing', () => {
	it('is true only when every attribute the write sets is equal', () => {
		const stored = { plan: 'pro', seats: 5, tags: ['a'] };
		expect(attributesChangeNothing({ plan: 'pro', seats: 5 }, stored)).toBe(true);
		expect(attributesChangeNothing({}, stored)).toBe(true);
		expect(attributesChangeNothing(undefined, stored)).toBe(true);
		expect(attributesChangeNothing({ plan: 'pro', seats: 6 }, stored)).toBe(false);
		expect(attributesChangeNothing({ plan: 'pro', extra: 'new' }, stored)).toBe(false);
	});

	it('never finds an inherited property as a stored value', () => {
		expect(attributesChangeNothing({ constructor: null }, {})).toBe(true);
		expect(attributesChangeNothing({ toString: 'x' }, {})).toBe(false);
	});

	it('refuses attributes that are not an object', () => {
		expect(attributesChangeNothing(['plan'], { plan: 'pro' })).toBe(false);
		expect(attributesChangeNothing('plan', { plan: 'pro' })).toBe(false);
	});

	it('compares list elements strictly', () => {
		expect(samePlainValue([1, 2], [1, 2])).toBe(true);
		expect(samePlainValue([1, 2], ['1', '2'])).toBe(false);
	});
});
