import { SkipSession } from '../../../../../nodes/Userflow/shared/skipUnchanged/skipSession';

const user = (id: string, plan: string) => ({ object: 'user', id, attributes: { plan } });

function session(): SkipSession {
	return new SkipSession('users', false, new Set());
}

/** Keeps a page's records, then tells the session, as readEnvironment does. */
function page(target: SkipSession, records: Array<ReturnType<typeof user>>): void {
	for (const record of records) target.state.add(record);
	target.onPage(records.map((record) => record.id));
}

describe('SkipSession', () => {
	it('decides an item as soon as its record is read, and the unseen ones when the read ends', async () => {
		const s = session();
		const decided: string[] = [];
		const ask = (id: string, plan: string) =>
			s.decide({ id, attributes: { plan } }).then((stored) => decided.push(`${id}:${stored ? 'skip' : 'send'}`));
		const all = [ask('u1', 'pro'), ask('u2', 'free'), ask('u3', 'pro')];
		page(s, [user('u1', 'pro'), user('u2', 'pro')]);
		await Promise.resolve();
		expect(decided).toEqual(['u1:skip', 'u2:send']);
		s.finish();
		await Promise.all(all);
		expect(decided).toEqual(['u1:skip', 'u2:send', 'u3:send']);
		expect(s.skipped).toBe(1);
	});

	it('decides at once for a record already read, and sends everything after the read ended', async () => {
		const s = session();
		page(s, [user('u1', 'pro')]);
		await expect(s.decide({ id: 'u1', attributes: { plan: 'pro' } })).resolves.toBeDefined();
		s.finish();
		await expect(s.decide({ id: 'u9', attributes: { plan: 'pro' } })).resolves.toBeUndefined();
	});

	it('never skips an id after deciding to write it, in the order the items asked', async () => {
		const s = session();
		const first = s.decide({ id: 'u1', attributes: { plan: 'free' } });
		const second = s.decide({ id: 'u1', attributes: { plan: 'pro' } });
		page(s, [user('u1', 'pro')]);
		await expect(first).resolves.toBeUndefined();
		await expect(second).resolves.toBeUndefined();
	});

	it('skips a repeated id when every copy is unchanged', async () => {
		const s = session();
		const both = [s.decide({ id: 'u1', attributes: { plan: 'pro' } }), s.decide({ id: 'u1', attributes: { plan: 'pro' } })];
		page(s, [user('u1', 'pro')]);
		const decisions = await Promise.all(both);
		expect(decisions.every((decision) => decision !== undefined)).toBe(true);
	});

	it('reads on only while someone waits and the pages read have paid for themselves', () => {
		const s = session();
		s.skipped = 1;
		expect(s.keepReading(1)).toBe(false);
		void s.decide({ id: 'far', attributes: {} });
		expect(s.keepReading(1)).toBe(true);
		// Two pages read, one skip: reading on costs more than it has saved so far.
		expect(s.keepReading(2)).toBe(false);
		s.skipped = 2;
		expect(s.keepReading(2)).toBe(true);
		expect(s.keepReading(3)).toBe(false);
	});
});
