import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { listSearch } from '../../../../nodes/Userflow/methods';
import { BUILT_IN_EVENT_NAMES } from '../../../../nodes/Userflow/methods/listSearch/searchEventNames';
import { attributeDefinition, fakeContext, httpError, listOf, summary } from './fakeContext';

const attribute = attributeDefinition;

function withResource(ctx: ILoadOptionsFunctions, resource: string): ILoadOptionsFunctions {
	return Object.assign(ctx, { getCurrentNodeParameter: (name: string) => (name === 'resource' ? resource : undefined) });
}

describe('version 2 attribute name locators ("From list")', () => {
	const definitions = [
		attribute('seats', 'group', { data_type: 'number', display_name: 'Seats' }),
		attribute('plan', 'group'),
		attribute('signed_up_at', 'group', { data_type: 'datetime', display_name: 'Signed up' }),
	];

	it.each([
		['searchAttributeNamesOfResource', 'user', 'user'],
		['searchAttributeNamesOfResource', 'group', 'group'],
		['searchAttributeNamesOfResource', 'event', 'event'],
		['searchGroupAttributeNames', 'user', 'group'],
		['searchMembershipAttributeNames', 'user', 'group_membership'],
	] as const)('%s on resource %s reads scope %s', async (method, resource, scope) => {
		const { ctx, requests } = fakeContext((request) => listOf([attribute('plan', scope)], request.qs as IDataObject));
		await listSearch[method].call(withResource(ctx, resource));
		expect(requests.map(summary)).toEqual([{ method: 'GET', url: '/attribute_definitions', qs: { scope, limit: 100 } }]);
	});

	it('lists every known name with its type (what Type Auto uses), sorted; the value is the exact API name', async () => {
		const { ctx } = fakeContext((request) => listOf(definitions, request.qs as IDataObject));
		expect(await listSearch.searchGroupAttributeNames.call(ctx)).toEqual({
			results: [
				{ name: 'plan · string', value: 'plan' },
				{ name: 'Seats (seats) · number', value: 'seats' },
				{ name: 'Signed up (signed_up_at) · datetime', value: 'signed_up_at' },
			],
		});
	});

	it('matches the search in the API or display name, ignoring case, and offers the typed text as a new name', async () => {
		const { ctx } = fakeContext((request) => listOf(definitions, request.qs as IDataObject));
		expect(await listSearch.searchGroupAttributeNames.call(ctx, 'sig')).toEqual({
			results: [
				{ name: 'sig (new attribute)', value: 'sig' },
				{ name: 'Signed up (signed_up_at) · datetime', value: 'signed_up_at' },
			],
		});
		expect(await listSearch.searchGroupAttributeNames.call(ctx, ' seats_total ')).toEqual({
			results: [{ name: 'seats_total (new attribute)', value: 'seats_total' }],
		});
	});

	it('does not offer a new name that differs only in letter case: it lists the known spelling instead', async () => {
		const { ctx } = fakeContext((request) => listOf(definitions, request.qs as IDataObject));
		expect((await listSearch.searchGroupAttributeNames.call(ctx, 'Seats')).results).toEqual([
			{ name: 'Seats (seats) · number', value: 'seats' },
		]);
		expect((await listSearch.searchGroupAttributeNames.call(ctx, 'plan')).results).toEqual([{ name: 'plan · string', value: 'plan' }]);
	});

	it('reads every page of definitions', async () => {
		const many = Array.from({ length: 150 }, (_, i) => attribute(`a${String(i).padStart(3, '0')}`, 'user'));
		const { ctx, requests } = fakeContext((request) => listOf(many, request.qs as IDataObject));
		const { results } = await listSearch.searchAttributeNamesOfResource.call(withResource(ctx, 'user'));
		expect(results).toHaveLength(150);
		expect(requests).toHaveLength(2);
	});

	it('explains a rejected key', async () => {
		const { ctx } = fakeContext(() => {
			throw httpError(401, 'unauthorized', 'Invalid API key');
		});
		await expect(listSearch.searchMembershipAttributeNames.call(ctx)).rejects.toThrow('Userflow rejected the API key');
	});
});

describe('version 2 Event Name locator ("From list")', () => {
	const events: IDataObject[] = [
		{ object: 'event_definition', id: 'e1', name: 'document_created', display_name: 'Document created', description: null },
		{ object: 'event_definition', id: 'e2', name: 'Feature_Activated', display_name: '' },
		{ object: 'event_definition', id: 'e3', name: 'flow_completed', display_name: 'Flow completed' },
	];

	it("lists the environment's events first, then Userflow's built-in ones, each once", async () => {
		const { ctx, requests } = fakeContext((request) => listOf(events, request.qs as IDataObject));
		const { results } = await listSearch.searchEventNames.call(ctx);
		expect(requests.map(summary)).toEqual([{ method: 'GET', url: '/event_definitions', qs: { limit: 100 } }]);
		const values = results.map((result) => result.value);
		expect(new Set(values).size).toBe(values.length);
		expect(values).toEqual(expect.arrayContaining(['document_created', 'Feature_Activated', ...BUILT_IN_EVENT_NAMES]));
		expect(values).toHaveLength(2 + BUILT_IN_EVENT_NAMES.length);
		expect(values.slice(0, 3)).toEqual(['document_created', 'Feature_Activated', 'flow_completed']);
		expect(results[3].name).toMatch(/ · built-in$/);
		expect(results).toEqual(
			expect.arrayContaining([
				{ name: 'Document created (document_created)', value: 'document_created' },
				{ name: 'Flow completed (flow_completed)', value: 'flow_completed' },
				{ name: 'page_viewed · built-in', value: 'page_viewed' },
			]),
		);
	});

	it('shows the known spelling of a name typed in another letter case, so the case guard shows before the run', async () => {
		const { ctx } = fakeContext((request) => listOf(events, request.qs as IDataObject));
		expect((await listSearch.searchEventNames.call(ctx, 'feature_activated')).results).toEqual([
			{ name: 'Feature_Activated', value: 'Feature_Activated' },
		]);
	});

	it('offers a new event name as typed', async () => {
		const { ctx } = fakeContext((request) => listOf(events, request.qs as IDataObject));
		expect((await listSearch.searchEventNames.call(ctx, 'report_exported')).results).toEqual([
			{ name: 'report_exported (new event)', value: 'report_exported' },
		]);
	});
});
