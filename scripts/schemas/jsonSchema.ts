/**
 * JSON Schema (the subset n8n's editor reads for its schema preview: `type`, `properties`,
 * `items`) derived from what an operation really output. Several items merge: a field
 * present in any item is listed, and a field null in one item and typed in another takes
 * the type. Keys keep the order the node outputs them in.
 */
export interface JsonSchema {
	type: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

export function schemaOf(value: unknown): JsonSchema {
	if (value === null || value === undefined) return { type: 'null' };
	if (Array.isArray(value)) {
		const items = value.map(schemaOf).reduce<JsonSchema | undefined>((merged, item) => mergeSchemas(merged, item), undefined);
		return items ? { type: 'array', items } : { type: 'array' };
	}
	switch (typeof value) {
		case 'string':
			return { type: 'string' };
		case 'number':
			return { type: 'number' };
		case 'boolean':
			return { type: 'boolean' };
		case 'object':
			return {
				type: 'object',
				properties: Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, field]) => [key, schemaOf(field)])),
			};
		default:
			return { type: 'string' };
	}
}

export function mergeSchemas(a: JsonSchema | undefined, b: JsonSchema): JsonSchema {
	if (!a || a.type === 'null') return b;
	if (b.type === 'null' || a.type !== b.type) return a;
	if (a.type === 'object') {
		const properties = { ...a.properties };
		for (const [key, field] of Object.entries(b.properties ?? {})) properties[key] = mergeSchemas(properties[key], field);
		return { type: 'object', properties };
	}
	if (a.type === 'array' && (a.items || b.items)) {
		return { type: 'array', items: b.items ? mergeSchemas(a.items, b.items) : a.items };
	}
	return a;
}

/** The file n8n serves: one object schema for the items of an operation (`version` as n8n's own files have it). */
export function schemaOfItems(items: readonly unknown[]): JsonSchema & { version: 1 } {
	const merged = items.map(schemaOf).reduce<JsonSchema | undefined>((schema, item) => mergeSchemas(schema, item), undefined);
	return { ...(merged ?? { type: 'object', properties: {} }), version: 1 };
}
