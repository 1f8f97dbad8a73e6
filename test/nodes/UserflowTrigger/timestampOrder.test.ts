/**
 * The trigger orders records by instant, never by text and never in the machine's time zone:
 * Userflow may answer other offsets than +00:00. Also run with the machine in other zones
 * (jest.config.js).
 */
import { at, useKit } from './pollTestKit';

const kit = useKit();

function addUsers(ids: string[], second: number) {
	for (const id of ids) kit.emulator.store.addUser(id, { name: id }, at(second));
}

beforeEach(() => kit.emulator.configure({ stamps: null }));

describe('Userflow Trigger: timestamps are compared as instants, whatever their offset', () => {
	it('a later record written with +00:00 after one written with +05:30 is new', async () => {
		addUsers(['india'], 0);
		// 10:00:00Z, as Userflow might write it in another zone.
		kit.emulator.configure({ stamps: { india: { created_at: '2024-03-01T15:30:00.000+05:30' } } });
		const poller = kit.poller();
		await kit.poll(poller);
		// 10:00:30Z: as text it sorts before '2024-03-01T15:30...', as an instant it is later.
		addUsers(['later'], 30);
		expect((await kit.poll(poller)).ids).toEqual(['later']);
		expect((await kit.poll(poller)).ids).toEqual([]);
	});
});

describe('Userflow Trigger: ties and order across offsets', () => {
	it('the same instant written in two offsets is one instant: a tie, resolved by id', async () => {
		addUsers(['a1'], 0);
		kit.emulator.configure({ stamps: { a1: { created_at: '2024-03-01T05:00:00.000-05:00' } } });
		const poller = kit.poller();
		await kit.poll(poller);
		// Created at the same instant (10:00:00Z), written in UTC.
		addUsers(['a2'], 0);
		expect((await kit.poll(poller)).ids).toEqual(['a2']);
		expect((await kit.poll(poller)).ids).toEqual([]);
	});

	it('new records come out oldest first by instant, not by text', async () => {
		addUsers(['seed'], 0);
		const poller = kit.poller();
		await kit.poll(poller);
		addUsers(['first'], 10);
		addUsers(['second'], 20);
		// 10:00:10Z in +09:00 reads as "19:00:10", later as text than second's "10:00:20Z".
		kit.emulator.configure({ stamps: { first: { created_at: '2024-03-01T19:00:10.000+09:00' } } });
		expect((await kit.poll(poller)).ids).toEqual(['first', 'second']);
	});
});
