import { expectUserflowHeaders, ids, runUserflow, sent, useEmulator } from './helpers';

describe('Userflow node: attribute definitions, Get Many', () => {
	const emulator = useEmulator();

	const seedScopes = () =>
		emulator().seedAttributeDefinitions([
			{ id: 'attr_plan', name: 'plan', scope: 'user', data_type: 'string' },
			{ id: 'attr_seats', name: 'seats', scope: 'group', data_type: 'number' },
			{ id: 'attr_role', name: 'role', scope: 'group_membership', data_type: 'string' },
			{ id: 'attr_mrr', name: 'mrr', scope: 'group', data_type: 'number' },
			{ id: 'attr_source', name: 'source', scope: 'event', data_type: 'string' },
		]);

	it('lists every scope without a filter', async () => {
		seedScopes();
		const result = await runUserflow(emulator(), { resource: 'attributeDefinition', operation: 'getAll' });
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([{ method: 'GET', path: '/attribute_definitions', query: { limit: '50' } }]);
		expectUserflowHeaders(emulator());
		expect(ids(result.itemsOf('Userflow'))).toEqual(['attr_plan', 'attr_seats', 'attr_role', 'attr_mrr', 'attr_source']);
	});

	it.each([
		['group', ['attr_seats', 'attr_mrr']],
		['group_membership', ['attr_role']],
		['event', ['attr_source']],
	])('filters by scope %s', async (scope, expected) => {
		seedScopes();
		const result = await runUserflow(emulator(), {
			resource: 'attributeDefinition',
			operation: 'getAll',
			filters: { scope },
		});
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/attribute_definitions', query: { scope, limit: '50' } },
		]);
		const items = result.itemsOf('Userflow');
		expect(ids(items)).toEqual(expected);
		expect(items[0]).toMatchObject({ object: 'attribute_definition', scope });
	});

	it('limit 150 over 180 definitions: two requests, exactly 150', async () => {
		emulator().seedAttributeDefinitions(
			Array.from({ length: 180 }, (_, i) => ({ id: `attr_${i + 1}`, name: `attribute_${i + 1}`, scope: 'user' as const })),
		);
		const result = await runUserflow(emulator(), {
			resource: 'attributeDefinition',
			operation: 'getAll',
			filters: { scope: 'user' },
			limit: 150,
		});
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/attribute_definitions', query: { scope: 'user', limit: '100' } },
			{ method: 'GET', path: '/attribute_definitions', query: { scope: 'user', limit: '50', starting_after: 'attr_100' } },
		]);
		const items = result.itemsOf('Userflow');
		expect(items).toHaveLength(150);
		expect(new Set(ids(items)).size).toBe(150);
		expect(items[149].id).toBe('attr_150');
	});

	it('an empty environment gives no items', async () => {
		const result = await runUserflow(emulator(), {
			resource: 'attributeDefinition',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.status).toBe('success');
		expect(result.itemsOf('Userflow')).toEqual([]);
		expect(sent(emulator())).toEqual([{ method: 'GET', path: '/attribute_definitions', query: { limit: '100' } }]);
	});
});

describe('Userflow node: event definitions, Get Many', () => {
	const emulator = useEmulator();

	it('lists event definitions, 50 by default', async () => {
		emulator().seedEventDefinitions([
			{ id: 'evdef_1', name: 'document_created' },
			{ id: 'evdef_2', name: 'Feature_Activated', display_name: 'Feature activated' },
		]);
		const result = await runUserflow(emulator(), { resource: 'eventDefinition', operation: 'getAll' });
		expect(result.status).toBe('success');
		expect(sent(emulator())).toEqual([{ method: 'GET', path: '/event_definitions', query: { limit: '50' } }]);
		expectUserflowHeaders(emulator());
		expect(result.itemsOf('Userflow')).toEqual([
			expect.objectContaining({ object: 'event_definition', id: 'evdef_1', name: 'document_created' }),
			expect.objectContaining({ object: 'event_definition', id: 'evdef_2', name: 'Feature_Activated' }),
		]);
	});

	it('Return All across three pages', async () => {
		emulator().seedEventDefinitions(
			Array.from({ length: 250 }, (_, i) => ({ id: `evdef_${i + 1}`, name: `event_${i + 1}` })),
		);
		const result = await runUserflow(emulator(), { resource: 'eventDefinition', operation: 'getAll', returnAll: true });
		expect(sent(emulator())).toEqual([
			{ method: 'GET', path: '/event_definitions', query: { limit: '100' } },
			{ method: 'GET', path: '/event_definitions', query: { limit: '100', starting_after: 'evdef_100' } },
			{ method: 'GET', path: '/event_definitions', query: { limit: '100', starting_after: 'evdef_200' } },
		]);
		const items = result.itemsOf('Userflow');
		expect(items).toHaveLength(250);
		expect(new Set(ids(items)).size).toBe(250);
	});

	it('limit 150: two requests, exactly 150', async () => {
		emulator().seedEventDefinitions(
			Array.from({ length: 160 }, (_, i) => ({ id: `evdef_${i + 1}`, name: `event_${i + 1}` })),
		);
		const result = await runUserflow(emulator(), { resource: 'eventDefinition', operation: 'getAll', limit: 150 });
		expect(sent(emulator()).map((request) => request.query)).toEqual([
			{ limit: '100' },
			{ limit: '50', starting_after: 'evdef_100' },
		]);
		expect(result.itemsOf('Userflow')).toHaveLength(150);
	});

	it('an empty environment gives no items', async () => {
		const result = await runUserflow(emulator(), { resource: 'eventDefinition', operation: 'getAll' });
		expect(result.status).toBe('success');
		expect(result.itemsOf('Userflow')).toEqual([]);
		expect(emulator().requests).toHaveLength(1);
	});
});
