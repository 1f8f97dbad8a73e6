import type { IDataObject } from 'n8n-workflow';

import { listSearch, loadOptions } from '../../../../nodes/Userflow/methods';
import { attributeDefinition, fakeContext, httpError, listOf, summary } from './fakeContext';

const definition = attributeDefinition;

describe('the node exposes exactly the method names other resources reference', () => {
	it('has the list searches and loaders', () => {
		expect(Object.keys(listSearch).sort()).toEqual([
			'searchAttributeNamesOfResource',
			'searchContent',
			'searchEventNames',
			'searchGroupAttributeNames',
			'searchGroups',
			'searchMembershipAttributeNames',
			'searchUsers',
		]);
		// Version 1's name dropdowns; version 2 names attributes and events with list searches.
		expect(Object.keys(loadOptions).sort()).toEqual([
			'getAttributeNamesOfResource',
			'getGroupAttributeNames',
			'getMembershipAttributeNames',
		]);
	});
});

describe('attribute name loaders', () => {
	it.each([
		['getGroupAttributeNames', 'group'],
		['getMembershipAttributeNames', 'group_membership'],
	] as const)('%s asks for scope %s', async (method, scope) => {
		const { ctx, requests } = fakeContext((request) =>
			listOf([definition('plan', scope)], request.qs as IDataObject),
		);
		const options = await loadOptions[method].call(ctx);
		expect(requests.map(summary)).toEqual([
			{ method: 'GET', url: '/attribute_definitions', qs: { scope, limit: 100 } },
		]);
		expect(options).toEqual([{ name: 'plan', value: 'plan', description: 'plan · string' }]);
	});

	it.each([
		['user', 'user'],
		['group', 'group'],
		['event', 'event'],
	])('getAttributeNamesOfResource asks for scope %s when the resource is %s', async (resource, scope) => {
		const { ctx, requests } = fakeContext((request) => listOf([definition('plan', scope)], request.qs as IDataObject));
		const withResource = Object.assign(ctx, { getCurrentNodeParameter: (name: string) => (name === 'resource' ? resource : undefined) });
		await loadOptions.getAttributeNamesOfResource.call(withResource);
		expect(requests.map(summary)).toEqual([{ method: 'GET', url: '/attribute_definitions', qs: { scope, limit: 100 } }]);
	});

	it('reads every page, shows display names, keeps the exact (case-sensitive) API name as value, sorts', async () => {
		const definitions = Array.from({ length: 130 }, (_, i) =>
			definition(`attr_${String(i).padStart(3, '0')}`, 'user', { display_name: `Attribute ${String(i).padStart(3, '0')}` }),
		);
		definitions.push(
			definition('signed_up_at', 'user', { display_name: 'Signed Up', data_type: 'datetime', description: 'When they joined' }),
			definition('MRR', 'user', { display_name: 'mrr', data_type: 'number' }),
		);
		const { ctx, requests } = fakeContext((request) => listOf(definitions, request.qs as IDataObject));
		const forUsers = Object.assign(ctx, { getCurrentNodeParameter: (name: string) => (name === 'resource' ? 'user' : undefined) });
		const options = await loadOptions.getAttributeNamesOfResource.call(forUsers);
		expect(requests.map((request) => request.qs)).toEqual([
			{ scope: 'user', limit: 100 },
			{ scope: 'user', limit: 100, starting_after: 'attr_user_attr_099' },
		]);
		expect(options).toHaveLength(132);
		expect(options.slice(-2)).toEqual([
			{ name: 'mrr', value: 'MRR', description: 'MRR · number' },
			{ name: 'Signed Up', value: 'signed_up_at', description: 'signed_up_at · datetime · When they joined' },
		]);
		expect(options[0]).toEqual({ name: 'Attribute 000', value: 'attr_000', description: 'attr_000 · string' });
	});

	it('an environment without definitions gives no options', async () => {
		const { ctx } = fakeContext((request) => listOf([], request.qs as IDataObject));
		expect(await loadOptions.getGroupAttributeNames.call(ctx)).toEqual([]);
	});

	it('explains a rejected key', async () => {
		const { ctx } = fakeContext(() => {
			throw httpError(401, 'unauthorized', 'Invalid API key');
		});
		await expect(loadOptions.getMembershipAttributeNames.call(ctx)).rejects.toThrow('Userflow rejected the API key');
	});
});
