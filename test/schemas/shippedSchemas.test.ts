import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { resolveOutputSchemaPath } from 'n8n-core';

import { generateSchemas, operationsOf, type SchemaFile } from '../../scripts/schemas/generate';

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [relative(ROOT, path)];
	});
}

describe('the output schemas n8n shows before a first run', () => {
	let generated: SchemaFile[];

	beforeAll(async () => {
		generated = await generateSchemas();
	}, 120_000);

	it('are what the operations really output today (npm run schemas regenerates them)', () => {
		const shipped = ['Userflow', 'UserflowTrigger', 'UserflowWebhookTrigger'].flatMap((node) =>
			filesUnder(join(ROOT, 'nodes', node, '__schema__')),
		);
		expect(shipped.sort()).toEqual(generated.map((file) => file.path).sort());
		for (const file of generated) {
			expect({ file: file.path, content: readFileSync(join(ROOT, file.path), 'utf8') }).toEqual({ file: file.path, content: file.content });
		}
	});

	it('cover every operation of both node versions, where n8n looks for them', () => {
		const paths = new Set(generated.map((file) => file.path));
		for (const version of [1, 2] as const) {
			const operations = operationsOf(version);
			expect(operations).toHaveLength(19);
			for (const [resource, operation] of operations) {
				// n8n's own resolver: next to the node's file, by typeVersion, resource and operation.
				const where = resolveOutputSchemaPath({ nodeDir: join(ROOT, 'nodes/Userflow'), version, resource, operation });
				expect(paths.has(relative(ROOT, where!))).toBe(true);
			}
		}
		for (const version of [1, 1.1]) {
			const trigger = resolveOutputSchemaPath({ nodeDir: join(ROOT, 'nodes/UserflowTrigger'), version });
			expect(paths.has(relative(ROOT, trigger!))).toBe(true);
		}
		const webhookTrigger = resolveOutputSchemaPath({ nodeDir: join(ROOT, 'nodes/UserflowWebhookTrigger'), version: 1 });
		expect(paths.has(relative(ROOT, webhookTrigger!))).toBe(true);
	});

	it('are JSON Schema objects the editor accepts (a type and fields)', () => {
		for (const file of generated) {
			const schema = JSON.parse(file.content) as { type?: string; properties?: object };
			expect({ file: file.path, type: schema.type, hasFields: Object.keys(schema.properties ?? {}).length > 0 }).toEqual({
				file: file.path,
				type: 'object',
				hasFields: true,
			});
		}
	});

	it('show version 2 shapes: flat Get, Membership Add with its group', () => {
		const schemaOf = (path: string) => JSON.parse(generated.find((file) => file.path === path)!.content);
		expect(Object.keys(schemaOf('nodes/Userflow/__schema__/v2.0.0/user/get.json').properties)[0]).toBe('id');
		expect(Object.keys(schemaOf('nodes/Userflow/__schema__/v1.0.0/user/get.json').properties)).toContain('attributes');
		expect(Object.keys(schemaOf('nodes/Userflow/__schema__/v2.0.0/membership/add.json').properties)).toEqual([
			'user_id',
			'group_id',
			'attributes',
			'group',
		]);
	});
});
