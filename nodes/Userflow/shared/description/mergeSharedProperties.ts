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
 * apart from which resource and operation show them, the merged condition
 * (resources × operations) must not show the property for any existing operation that
 * did not have it before, and every operation must still list its fields in the order its
 * own file declares them (the editor shows properties in description order, so the result
 * is ordered to satisfy every operation at once; a merge that makes that impossible is
 * not made).
 */
type Show = Record<string, unknown[]>;

interface Copy {
	property: INodeProperties;
	/** Position in the declared list: the editor's order within each operation. */
	index: number;
	pairs: Set<string>;
}

interface Entry {
	copies: Copy[];
	/** Set for properties that may merge with identical copies. */
	mergeKey?: string;
	resources: Set<string>;
	operations: Set<string>;
	/** Every (resource, operation) whose editor shows this entry (or may, by further settings). */
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
function mergeKeyOf(property: INodeProperties): string | undefined {
	const show = property.displayOptions?.show as Show | undefined;
	if (!show?.resource || !show?.operation || property.name === 'operation') return undefined;
	const otherShow = Object.fromEntries(Object.entries(show).filter(([key]) => key !== 'resource' && key !== 'operation'));
	const definition = Object.fromEntries(Object.entries(property).filter(([key]) => key !== 'displayOptions'));
	return JSON.stringify([definition, otherShow, property.displayOptions?.hide ?? null]);
}

/** The pairs a property belongs to, judged by its resource and operation conditions only. */
function pairsOf(property: INodeProperties, allPairs: Set<string>): Set<string> {
	const show = property.displayOptions?.show as Show | undefined;
	const resources = show?.resource?.map(String);
	const operations = show?.operation?.map(String);
	return new Set(
		[...allPairs].filter((pair) => {
			const [resource, operation] = pair.split(':');
			return (!resources || resources.includes(resource)) && (!operations || operations.includes(operation));
		}),
	);
}

function entryOf(property: INodeProperties, index: number, allPairs: Set<string>): Entry {
	const show = property.displayOptions?.show as Show | undefined;
	const pairs = pairsOf(property, allPairs);
	return {
		copies: [{ property, index, pairs }],
		mergeKey: mergeKeyOf(property),
		resources: new Set((show?.resource ?? []).map(String)),
		operations: new Set((show?.operation ?? []).map(String)),
		pairs,
	};
}

/** Whether showing the property for resources × operations of both adds no existing pair. */
function showsNothingNew(a: Entry, b: Entry, allPairs: Set<string>): boolean {
	for (const resource of new Set([...a.resources, ...b.resources])) {
		for (const operation of new Set([...a.operations, ...b.operations])) {
			const pair = pairKey(resource, operation);
			if (allPairs.has(pair) && !a.pairs.has(pair) && !b.pairs.has(pair)) return false;
		}
	}
	return true;
}

function mergedEntry(a: Entry, b: Entry): Entry {
	return {
		copies: [...a.copies, ...b.copies].sort((x, y) => x.index - y.index),
		mergeKey: a.mergeKey,
		resources: new Set([...a.resources, ...b.resources]),
		operations: new Set([...a.operations, ...b.operations]),
		pairs: new Set([...a.pairs, ...b.pairs]),
	};
}

/** Where the entry stands in the declared order of one operation. */
function indexFor(entry: Entry, pair: string): number {
	return entry.copies.find((copy) => copy.pairs.has(pair))!.index;
}

/**
 * One order of all entries in which every operation sees its fields as declared, the
 * declared order otherwise; undefined when no such order exists.
 */
function orderEntries(entries: Entry[], allPairs: Set<string>): Entry[] | undefined {
	const next = new Map<Entry, Set<Entry>>(entries.map((entry) => [entry, new Set()]));
	const before = new Map<Entry, number>(entries.map((entry) => [entry, 0]));
	for (const pair of allPairs) {
		const sequence = entries
			.filter((entry) => entry.pairs.has(pair))
			.sort((a, b) => indexFor(a, pair) - indexFor(b, pair));
		for (let i = 1; i < sequence.length; i++) {
			const successors = next.get(sequence[i - 1])!;
			if (successors.has(sequence[i])) continue;
			successors.add(sequence[i]);
			before.set(sequence[i], before.get(sequence[i])! + 1);
		}
	}
	const firstIndex = (entry: Entry) => entry.copies[0].index;
	const ready = entries.filter((entry) => before.get(entry) === 0);
	const ordered: Entry[] = [];
	while (ready.length > 0) {
		ready.sort((a, b) => firstIndex(a) - firstIndex(b));
		const entry = ready.shift()!;
		ordered.push(entry);
		for (const successor of next.get(entry)!) {
			before.set(successor, before.get(successor)! - 1);
			if (before.get(successor) === 0) ready.push(successor);
		}
	}
	return ordered.length === entries.length ? ordered : undefined;
}

function toProperty(entry: Entry): INodeProperties {
	const { property } = entry.copies[0];
	if (entry.copies.length === 1) return property;
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions!.show, resource: [...entry.resources], operation: [...entry.operations] },
		},
	};
}

export function mergeSharedProperties(properties: INodeProperties[]): INodeProperties[] {
	const allPairs = existingPairs(properties);
	let entries = properties.map((property, index) => entryOf(property, index, allPairs));

	// Merge copies pairwise until no two can merge: the order they are declared in must not matter.
	let merged = true;
	while (merged) {
		merged = false;
		for (const a of entries) {
			const partner = entries.find((b) => {
				if (b === a || a.mergeKey === undefined || b.mergeKey !== a.mergeKey) return false;
				if (!showsNothingNew(a, b, allPairs)) return false;
				const candidate = entries.filter((entry) => entry !== a && entry !== b).concat(mergedEntry(a, b));
				return orderEntries(candidate, allPairs) !== undefined;
			});
			if (!partner) continue;
			entries = entries.filter((entry) => entry !== a && entry !== partner).concat(mergedEntry(a, partner));
			merged = true;
			break;
		}
	}

	return orderEntries(entries, allPairs)!.map(toProperty);
}
