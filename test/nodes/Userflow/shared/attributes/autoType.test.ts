import { DateTime } from 'luxon';

import { needsDefinedType, resolveAutoType } from '../../../../../nodes/Userflow/shared/attributes/autoType';
import { rowToValue } from '../../../../../nodes/Userflow/shared/attributes/fromFields';

describe('Type "Auto"', () => {
	it("takes Userflow's type when it knows the attribute", () => {
		expect(resolveAutoType('5', 'number')).toBe('number');
		expect(resolveAutoType(5, 'string')).toBe('string');
		expect(resolveAutoType('2024-05-01', 'datetime')).toBe('datetime');
	});

	it("otherwise the value's own type; text is never guessed into something else", () => {
		expect(resolveAutoType(5, undefined)).toBe('number');
		expect(resolveAutoType(false, undefined)).toBe('boolean');
		expect(resolveAutoType(['a'], undefined)).toBe('list');
		expect(resolveAutoType(new Date(0), undefined)).toBe('datetime');
		expect(resolveAutoType(DateTime.fromMillis(0), undefined)).toBe('datetime');
		for (const text of ['02134', '5', 'true', '2024-05-01']) expect(resolveAutoType(text, undefined)).toBe('string');
		// A data type Userflow may add later falls back to the value's type.
		expect(resolveAutoType('5', 'currency')).toBe('string');
	});

	it('converts as the resolved type would, datetimes marked as such', () => {
		expect(rowToValue({ type: 'auto', value: DateTime.fromISO('2024-05-01T12:00:00Z') }, 'A › t')).toEqual({
			set: '2024-05-01T12:00:00.000Z',
			data_type: 'datetime',
		});
		expect(rowToValue({ type: 'auto', action: 'set_once', value: '7' }, 'A › n', undefined, 'number')).toEqual({
			set_once: 7,
			data_type: 'number',
		});
	});

	it('asks for the definitions only for Auto rows with a value whose action uses the type', () => {
		expect(needsDefinedType({ type: 'auto', value: '5' })).toBe(true);
		expect(needsDefinedType({ type: 'auto', action: 'set_once', value: '5' })).toBe(true);
		expect(needsDefinedType({ type: 'auto', value: '' })).toBe(false);
		expect(needsDefinedType({ type: 'auto', action: 'add', value: '1' })).toBe(false);
		expect(needsDefinedType({ type: 'number', value: '5' })).toBe(false);
	});
});
