import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers } from 'n8n-workflow';

import { Userflow } from '../../../../nodes/Userflow/Userflow.node';

/** Hooks serialize by name, as the fixture was written. */
const serialize = (value: unknown) =>
	JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? `[function ${(v as { name: string }).name}]` : v)));

const node = new Userflow();

describe('Userflow node versions', () => {
	it('keeps version 1 exactly as 0.1.0 shipped it (the description saved workflows were built with)', () => {
		// test/fixtures/v1/userflow-description.json: 0.1.0's description, written before versioning.
		const shipped = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/v1/userflow-description.json'), 'utf8'));
		const v1 = serialize(NodeHelpers.getVersionedNodeType(node, 1).description);
		expect(v1).toEqual({ ...shipped, version: 1, defaultVersion: 2 });
	});

	it('gives new nodes version 2, and knows both', () => {
		expect(node.getLatestVersion()).toBe(2);
		expect(node.description.defaultVersion).toBe(2);
		expect(Object.keys(node.nodeVersions)).toEqual(['1', '2']);
		expect(NodeHelpers.getVersionedNodeType(node, 2).description.version).toBe(2);
	});
});
