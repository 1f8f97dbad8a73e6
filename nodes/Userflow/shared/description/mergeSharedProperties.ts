import type { INodeProperties } from 'n8n-workflow';

/**
 * Folds properties that share a name and a definition into one, showing it for every
 * resource and operation that had its own copy.
 *
 * Why: for every item, n8n's RoutingNode evaluates the value of EVERY top-level property
 * (twice: to build the request and to check the base URL), before it asks whether the
 * property is shown. Declaring `userId` once per operation made `={{ $json.id }}` run 17
 * times per item, and attribute rows 10 times each — most of this node's CPU per item and
 * seconds before the first request of a large sync. The per-operation files stay as they
 * are (one file per operation, easy to read); this merges their copies at load time.
 *
 * A merge is only made when it changes nothing a user sees: the copies must be identical
 * apart from which resource and operation show them, and the merged condition
 * (resources × operations) must not show the property for any existing operation that
 * did not have it before.
 */
type Show = Record<string, unknown[]>;

interface Group {
	property: INodeProperties;
	resources: Set<string>;
	operations: Set<string>;
	pairs: Set<string>;
}

const pairKey = (resource: string, operation: string) => `${resource}:${operation}`;

/** Every (resource, operation) the node offers, from its Operation selectors. */
function existingPairs(properties: INodeProperties[]): Set<string> {
	const pairs = new Set<string>();
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const option of (property.options ?? []) as Array<{ value?: unknown }>) {
			for (const resource of resources) pairs.add(pairKey(resource, String(option.value)));
		}
	}
	return pairs;
}

/** What must be equal for two copies to merge: all but their resource/operation condition. */
function mergeKey(property: INodeProperties): string | undefined {
	const show = property.displayOptions?.show as Show | undefined;
	if (!show?.resource || !show?.operation || property.name === 'operation') return undefined;
	const otherShow = Object.fromEntries(Object.entries(show).filter(([key]) => key !== 'resource' && key !== 'operation'));
	const definition = Object.fromEntries(Object.entries(property).filter(([key]) => key !== 'displayOptions'));
	return JSON.stringify([definition, otherShow, property.displayOptions?.hide ?? null]);
}

/** Whether showing the property for resources × operations of both adds no existing pair. */
function canMerge(a: Group, b: Group, allPairs: Set<string>): boolean {
	const resources = new Set([...a.resources, ...b.resources]);
	const operations = new Set([...a.operations, ...b.operations]);
	for (const resource of resources) {
		for (const operation of operations) {
			const pair = pairKey(resource, operation);
			if (allPairs.has(pair) && !a.pairs.has(pair) && !b.pairs.has(pair)) return false;
		}
	}
	return true;
}

function absorb(into: Group, from: Group): void {
	from.resources.forEach((r) => into.resources.add(r));
	from.operations.forEach((o) => into.operations.add(o));
	from.pairs.forEach((p) => into.pairs.add(p));
}

export function mergeSharedProperties(properties: INodeProperties[]): INodeProperties[] {
	const allPairs = existingPairs(properties);
	const groupsByKey = new Map<string, Group[]>();
	const result: Array<INodeProperties | Group> = [];

	for (const property of properties) {
		const key = mergeKey(property);
		if (key === undefined) {
			result.push(property);
			continue;
		}
		const show = property.displayOptions!.show as Show;
		const resources = show.resource.map(String);
		const operations = show.operation.map(String);
		const pairs = new Set(resources.flatMap((r) => operations.map((o) => pairKey(r, o))));
		const group: Group = { property, resources: new Set(resources), operations: new Set(operations), pairs };
		groupsByKey.set(key, [...(groupsByKey.get(key) ?? []), group]);
		result.push(group);
	}

	// Merge copies pairwise until no two can merge: the order they are declared in must not matter.
	const absorbed = new Set<Group>();
	for (const groups of groupsByKey.values()) {
		let merged = true;
		while (merged) {
			merged = false;
			for (const a of groups) {
				if (absorbed.has(a)) continue;
				for (const b of groups) {
					if (a === b || absorbed.has(b) || !canMerge(a, b, allPairs)) continue;
					absorb(a, b);
					absorbed.add(b);
					merged = true;
				}
			}
		}
	}

	return result
		.filter((entry) => !absorbed.has(entry as Group))
		.map((entry) => {
			if (!('pairs' in entry)) return entry;
			const { property, resources, operations } = entry;
			return {
				...property,
				displayOptions: {
					...property.displayOptions,
					show: { ...property.displayOptions!.show, resource: [...resources], operation: [...operations] },
				},
			};
		});
}
