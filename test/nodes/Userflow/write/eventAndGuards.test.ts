import { attributeLookup, eventLookup, expectUserflowHeaders, rows, runUserflow, sent, useEmulator } from '../engineHelpers';

describe('Userflow node: event Track', () => {
	const emulator = useEmulator();

	it('tracks for a user and a group, with plain typed attributes and a backdated time', async () => {
		const store = emulator().store;
		store.addUser('u1');
		store.addGroup('acme');
		const result = await runUserflow(emulator(), {
			resource: 'event',
			operation: 'track',
			eventName: 'document_created',
			userId: 'u1',
			groupId: 'acme',
			attributes: rows(
				{ name: 'doc_type', value: 'report' },
				{ name: 'pages', type: 'number', value: '12' },
				{ name: 'shared', type: 'boolean', value: 'yes' },
				{ name: 'due_at', type: 'datetime', value: '2024-06-01T09:00:00+02:00' },
			),
			options: { time: '2024-05-01T10:00:00Z' },
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([
			eventLookup,
			attributeLookup('event'),
			{
				method: 'POST',
				path: '/events',
				query: {},
				body: {
					name: 'document_created',
					user_id: 'u1',
					group_id: 'acme',
					attributes: {
						doc_type: 'report',
						pages: 12,
						shared: true,
						due_at: { set: '2024-06-01T07:00:00.000Z', data_type: 'datetime' },
					},
					time: '2024-05-01T10:00:00.000Z',
				},
			},
		]);
		expectUserflowHeaders(emulator());
		expect(store.events).toHaveLength(1);
		expect(store.events[0]).toMatchObject({
			name: 'document_created',
			user_id: 'u1',
			group_id: 'acme',
			attributes: { doc_type: 'report', pages: 12, shared: true, due_at: '2024-06-01T07:00:00.000Z' },
		});
		expect(result.itemsOf('Userflow')).toEqual([expect.objectContaining({ object: 'event', name: 'document_created' })]);
	});

	it('a group-only event needs no user', async () => {
		emulator().store.addGroup('acme');
		const result = await runUserflow(emulator(), {
			resource: 'event',
			operation: 'track',
			eventName: 'plan_upgraded',
			groupId: 'acme',
		});
		expect(result.status).toBe('success');
		expect(sent(emulator())[1].body).toEqual({ name: 'plan_upgraded', group_id: 'acme' });
		expect(emulator().store.events[0]).toMatchObject({ name: 'plan_upgraded', user_id: null, group_id: 'acme' });
	});
});

describe('Userflow node: case-mismatch guards', () => {
	const emulator = useEmulator();

	it('an event name differing only in case fails every item, with one lookup per execution, and nothing is tracked', async () => {
		emulator().store.addUser('u1');
		emulator().seedEventDefinitions([{ name: 'feature_activated' }]);
		const result = await runUserflow(
			emulator(),
			{ resource: 'event', operation: 'track', eventName: 'Feature_Activated', userId: '={{ $json.id }}' },
			{ items: [{ id: 'u1' }, { id: 'u1' }, { id: 'u1' }], continueOnFail: true },
		);
		expect(sent(emulator())).toEqual([eventLookup]);
		const output = result.outputOf('Userflow');
		expect(output).toHaveLength(3);
		for (const item of output) {
			expect(item.error?.message).toContain(
				"Event Name: 'Feature_Activated' differs only in letter case from the event 'feature_activated'",
			);
		}
		expect(emulator().store.events).toHaveLength(0);
	});

	it('the exact name passes; the check can be turned off', async () => {
		emulator().store.addUser('u1');
		emulator().seedEventDefinitions([{ name: 'feature_activated' }]);
		const exact = await runUserflow(emulator(), {
			resource: 'event',
			operation: 'track',
			eventName: 'feature_activated',
			userId: 'u1',
		});
		expect(exact.status).toBe('success');
		const off = await runUserflow(emulator(), {
			resource: 'event',
			operation: 'track',
			eventName: 'Feature_Activated',
			userId: 'u1',
			options: { checkNameCase: false },
		});
		expect(off.status).toBe('success');
		expect(emulator().store.events.map((event) => event.name)).toEqual(['feature_activated', 'Feature_Activated']);
		expect(sent(emulator()).map(({ method, path }) => `${method} ${path}`)).toEqual([
			'GET /event_definitions',
			'POST /events',
			'POST /events',
		]);
	});

	it('an attribute name differing only in case fails the item; other scopes do not count', async () => {
		emulator().seedAttributeDefinitions([
			{ name: 'signed_up_at', scope: 'user', data_type: 'datetime' },
			{ name: 'Plan', scope: 'group', data_type: 'string' },
		]);
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributes: rows({ name: 'plan', value: 'pro' }, { name: 'Signed_Up_At', type: 'datetime', value: '2024-01-01' }),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(
			"Attributes › Signed_Up_At: 'Signed_Up_At' differs only in letter case from the attribute 'signed_up_at'",
		);
		expect(sent(emulator())).toEqual([attributeLookup('user')]);
		expect(emulator().store.users.size).toBe(0);
	});

	it('follows the definitions list across pages', async () => {
		emulator().seedAttributeDefinitions([
			...Array.from({ length: 120 }, (_, i) => ({ id: `def_${i + 1}`, name: `attribute_${i + 1}`, scope: 'user' as const })),
			{ id: 'def_last', name: 'company_size', scope: 'user' },
		]);
		const result = await runUserflow(emulator(), {
			resource: 'user',
			operation: 'upsert',
			userId: 'u1',
			attributes: rows({ name: 'Company_Size', type: 'number', value: '3' }),
		});
		expect(result.error?.message).toContain("from the attribute 'company_size'");
		expect(sent(emulator()).map((request) => request.query)).toEqual([
			{ scope: 'user', limit: '100' },
			{ scope: 'user', limit: '100', starting_after: 'def_100' },
		]);
	});
});
