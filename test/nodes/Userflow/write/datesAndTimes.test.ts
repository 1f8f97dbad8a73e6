/**
 * Dates and times, through n8n's engine: a text that names no real instant is refused, naming
 * the field, instead of rolling over; one without a zone is UTC. These tests also run with
 * the machine in other time zones (jest.config.js), which must change nothing.
 */
import { rows, runUserflow, sent, useEmulator } from '../engineHelpers';

const NO_CHECK = { checkNameCase: false };

describe('Userflow node: dates and times that do not exist', () => {
	const emulator = useEmulator();

	it.each([
		['2024-02-30', 'February 2024 has 29 days'],
		['2023-02-29T10:00:00Z', 'February 2023 has 28 days'],
		['2024-04-31 08:00', 'April 2024 has 30 days'],
		['2024-01-01T24:00', 'hours go from 00 to 23'],
		['2024-01-01T25:61', 'hours go from 00 to 23'],
		['2024-01-01T10:61:00Z', 'minutes and seconds go from 00 to 59'],
		['2024-13-01', 'month 13 does not exist'],
		['2024-01-01T10:00:00+25:00', 'the time zone offset +25:00 does not exist'],
	])('%s is refused, naming the field, instead of rolling over', async (value, problem) => {
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributes: rows({ name: 'renews_at', type: 'datetime', value }),
			options: NO_CHECK,
		});
		expect(result.error?.message).toBe(`Attributes › renews_at: '${value}' is not a real date and time: ${problem}`);
		expect(sent(emulator())).toEqual([]);
	});

	it.each([
		['{"renews_at": {"set": "2024-02-30", "data_type": "datetime"}}', "'2024-02-30' is not a real date and time: February 2024 has 29 days"],
		['{"renews_at": {"set_once": "2024-01-01T24:00", "data_type": "datetime"}}', "'2024-01-01T24:00' is not a real date and time: hours go from 00 to 23"],
		['{"renews_at": {"set": "+300000-01-01", "data_type": "datetime"}}', "'+300000-01-01' is not a date (use ISO 8601, e.g. 2024-05-01T12:00:00Z)"],
	])('JSON %s is refused too, naming the field', async (json, problem) => {
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributeInput: 'json',
			attributesJson: json,
			options: NO_CHECK,
		});
		expect(result.error?.message).toBe(`Attributes (JSON) › renews_at: ${problem}`);
		expect(sent(emulator())).toEqual([]);
	});

	it('a real JSON datetime is sent as written', async () => {
		const json = '{"renews_at": {"set": "2024-02-29T23:30:00+02:00", "data_type": "datetime"}}';
		const result = await runUserflow(emulator(), { resource: 'user', operation: 'upsert', userId: 'u1', attributeInput: 'json', attributesJson: json, options: NO_CHECK });
		expect(result.status).toBe('success');
		expect((sent(emulator())[0].body as { attributes: unknown }).attributes).toEqual(JSON.parse(json));
	});

	it('an impossible event time is refused too; a real one without a zone is UTC', async () => {
		emulator().store.addUser('u1');
		const time = await runUserflow(emulator(), {
			resource: 'event',
			operation: 'track',
			eventName: 'paid',
			userId: 'u1',
			options: { ...NO_CHECK, time: '={{ 1e20 }}' },
		});
		expect(time.error?.message).toBe("Time: 100000000000000000000 is outside the years 0000 to 9999 that Userflow's ISO 8601 dates can hold");
		// Representable in JavaScript, but only in ISO 8601's extended form (+010000-...).
		for (const far of ['10000-01-01T00:00:00Z', '={{ new Date(Date.UTC(10000, 0, 1)) }}']) {
			const run = await runUserflow(emulator(), {
				resource: 'event',
				operation: 'track',
				eventName: 'paid',
				userId: 'u1',
				options: { ...NO_CHECK, time: far },
			});
			expect({ far, message: run.error?.message }).toEqual({
				far,
				message: expect.stringMatching(/^Time: .* is (outside the years 0000 to 9999 that Userflow's ISO 8601 dates can hold|not a date.*)$/),
			});
		}
		expect(sent(emulator())).toEqual([]);

		const impossible = await runUserflow(emulator(), {
			resource: 'event',
			operation: 'track',
			eventName: 'paid',
			userId: 'u1',
			options: { ...NO_CHECK, time: '2024-02-30T10:00:00' },
		});
		expect(impossible.error?.message).toBe("Time: '2024-02-30T10:00:00' is not a real date and time: February 2024 has 29 days");
		const real = await runUserflow(emulator(), {
			resource: 'event',
			operation: 'track',
			eventName: 'paid',
			userId: 'u1',
			options: { ...NO_CHECK, time: '2024-02-29T23:30:00' },
		});
		expect(real.status).toBe('success');
		expect(sent(emulator()).map((request) => (request.body as { time?: string }).time)).toEqual(['2024-02-29T23:30:00.000Z']);
	});

	it('a date or date-time without a zone is read as UTC, whatever the machine\'s zone', async () => {
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributes: rows(
				{ name: 'day', type: 'datetime', value: '2024-05-01' },
				{ name: 'moment', type: 'datetime', value: '2024-05-01 12:30' },
				{ name: 'zoned', type: 'datetime', value: '2024-05-01T12:30:00-04:00' },
				{ name: 'leap', type: 'datetime', value: '2024-02-29T23:59:59.999' },
			),
			options: NO_CHECK,
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())[0].body).toEqual({
			id: 'u1',
			attributes: {
				day: { set: '2024-05-01T00:00:00.000Z', data_type: 'datetime' },
				moment: { set: '2024-05-01T12:30:00.000Z', data_type: 'datetime' },
				zoned: { set: '2024-05-01T16:30:00.000Z', data_type: 'datetime' },
				leap: { set: '2024-02-29T23:59:59.999Z', data_type: 'datetime' },
			},
		});
	});
});
