import { NodeHelpers, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { Userflow } from '../../../../../nodes/Userflow/Userflow.node';
import { declaredProperties as declaredOfVersion } from '../../../../../nodes/Userflow/properties';
import { mergeSharedProperties } from '../../../../../nodes/Userflow/shared/description/mergeSharedProperties';
import type { NodeVersion } from '../../../../../nodes/Userflow/shared/description/nodeVersion';

const node = new Userflow();

describe.each([1, 2] as NodeVersion[])('mergeSharedProperties, version %i', (version) => {
	const merged = NodeHelpers.getVersionedNodeType(node, version).description;
	const declaredProperties = declaredOfVersion(version);

	/** Every (resource, operation) the node offers. */
	const pairs: Array<[string, string]> = declaredProperties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			((property.displayOptions?.show?.resource ?? []) as string[]).flatMap((resource) =>
				(property.options as Array<{ value: string }>).map(({ value }): [string, string] => [resource, value]),
			),
		);

	/** Settings that switch further fields on or off within one operation. */
	const VARIANTS: INodeParameters[] = [
		{},
		{ attributeInput: 'autoMapInputData' },
		{ attributeInput: 'json' },
		{ addToGroup: true, groupAttributeInput: 'json', membershipAttributeInput: 'json' },
		{ returnAll: true },
		{ attributes: { attribute: [{ name: 'plan', value: 'pro' }] }, addToGroup: true },
	];

	/** The top-level parameters the editor lists for these settings, in the order it lists them. */
	function shownOrder(properties: INodeProperties[], settings: INodeParameters): string[] {
		const description = { ...merged, properties } as INodeTypeDescription;
		const values = shownParameters(properties, settings)!;
		const names = properties
			.filter((property) => NodeHelpers.displayParameter(values, property, null, description))
			.map((property) => property.name);
		return names.filter((name, index) => names.indexOf(name) === index);
	}

	/** The parameters n8n shows (with their defaults) for these settings, as the editor resolves them. */
	function shownParameters(properties: INodeProperties[], settings: INodeParameters) {
		const description = { ...merged, properties } as INodeTypeDescription;
		return NodeHelpers.getNodeParameters(properties, settings, true, false, null, description);
	}

	it('shows every operation exactly the parameters and defaults its own files declare', () => {
		expect(pairs.length).toBe(19);
		for (const [resource, operation] of pairs) {
			for (const variant of VARIANTS) {
				const settings = { resource, operation, ...variant };
				expect({ settings, shown: shownParameters(merged.properties, settings) }).toEqual({
					settings,
					shown: shownParameters(declaredProperties, settings),
				});
			}
		}
	});

	it('lists every operation\'s fields in the order its own files declare them', () => {
		for (const [resource, operation] of pairs) {
			for (const variant of VARIANTS) {
				const settings = { resource, operation, ...variant };
				expect({ settings, order: shownOrder(merged.properties, settings) }).toEqual({
					settings,
					order: shownOrder(declaredProperties, settings),
				});
			}
		}
		// Spot check of what that means in the editor: version 2 has no second "Rate Limit Handling" box.
		const fields = ['resource', 'operation', 'userId', 'attributeInput', 'attributes', 'options'];
		expect(shownOrder(merged.properties, { resource: 'user', operation: 'update' })).toEqual(
			version === 1 ? [...fields, 'rateLimitHandling'] : fields,
		);
	});

	it('shares one Attributes field between users, groups and events; event rows stay name, type, value', () => {
		const row = { name: version === 1 ? 'plan' : { __rl: true, mode: 'name', value: 'plan' }, type: 'string', value: 'pro' };
		const saved = (resource: string, operation: string) =>
			shownParameters(merged.properties, { resource, operation, attributes: { attribute: [row] } })!.attributes;
		expect(merged.properties.filter((p) => p.name === 'attributes')).toHaveLength(1);
		expect(saved('event', 'track')).toEqual({ attribute: [row] });
		expect(saved('user', 'upsert')).toEqual({ attribute: [{ ...row, action: 'set' }] });
		expect(saved('group', 'update')).toEqual({ attribute: [{ ...row, action: 'set' }] });
	});

	it('declares each shared parameter far fewer times (n8n evaluates every copy for every item)', () => {
		const copies = (properties: INodeProperties[], name: string) => properties.filter((p) => p.name === name).length;
		expect(copies(declaredProperties, 'userId')).toBe(8);
		expect(copies(merged.properties, 'userId')).toBe(4);
		expect(copies(merged.properties, 'returnAll')).toBe(1);
		expect(copies(merged.properties, 'limit')).toBe(1);
		expect(copies(merged.properties, 'attributeInput')).toBe(1);
		expect(copies(merged.properties, 'attributes')).toBe(1);
		expect(merged.properties.length).toBeLessThan(declaredProperties.length * 0.7);
	});
});

describe('mergeSharedProperties', () => {
	it('keeps copies apart when one condition would also show the field where it does not belong', () => {
		const operation = (resource: string, values: string[]): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			displayOptions: { show: { resource: [resource] } },
			options: values.map((value) => ({ name: value, value })),
			default: values[0],
		});
		const field = (resource: string, op: string): INodeProperties => ({
			displayName: 'ID',
			name: 'id',
			type: 'string',
			default: '',
			displayOptions: { show: { resource: [resource], operation: [op] } },
		});
		const result = mergeSharedProperties([
			operation('a', ['get', 'list']),
			operation('b', ['get', 'list']),
			field('a', 'get'),
			field('b', 'list'),
			field('b', 'get'),
		]);
		// a:get + b:list would also show it for a:list; with b:get it is exact for get, not list.
		const shows = result.filter((p) => p.name === 'id').map((p) => p.displayOptions?.show);
		expect(shows).toEqual([
			{ resource: ['a', 'b'], operation: ['get'] },
			{ resource: ['b'], operation: ['list'] },
		]);
	});
});
