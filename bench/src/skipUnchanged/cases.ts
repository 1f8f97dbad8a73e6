/**
 * The Skip Unchanged benchmark (issue 12): a recurring sync of rows Userflow mostly already
 * has. Each case is an environment of M users and an input of N rows of which some changed;
 * each variant runs it against a fresh emulator seeded with the environment.
 */
import { benchUsers, type BenchUser } from '../dataset';

export type SkipCaseId = 'skip-2pct' | 'skip-50pct' | 'skip-fallback';
export type SkipVariantId = 'userflow-skip' | 'userflow-skip-max-rate' | 'userflow-no-skip' | 'http-batching';

export interface SkipCase {
	id: SkipCaseId;
	environment: number;
	/** Input row i is environment user `inputStride × i`. */
	inputs: number;
	inputStride: number;
	/** Every `changedEvery`-th input row carries a change. */
	changedEvery: number;
	variants: SkipVariantId[];
}

export const SKIP_CASES: SkipCase[] = [
	{
		id: 'skip-2pct',
		environment: 5000,
		inputs: 5000,
		inputStride: 1,
		changedEvery: 50,
		variants: ['userflow-skip', 'userflow-skip-max-rate', 'userflow-no-skip', 'http-batching'],
	},
	{
		id: 'skip-50pct',
		environment: 5000,
		inputs: 5000,
		inputStride: 1,
		changedEvery: 2,
		variants: ['userflow-skip', 'userflow-no-skip', 'http-batching'],
	},
	{
		id: 'skip-fallback',
		environment: 100_000,
		inputs: 200,
		inputStride: 500,
		changedEvery: 50,
		variants: ['userflow-skip', 'userflow-no-skip', 'http-batching'],
	},
];

export const SKIP_VARIANT_LABELS: Record<SkipVariantId, string> = {
	'userflow-skip': 'Userflow node, Skip Unchanged, defaults',
	'userflow-skip-max-rate': 'Userflow node, Skip Unchanged, Max Requests per Second = the limit',
	'userflow-no-skip': 'Userflow node without Skip Unchanged, defaults',
	'http-batching': 'HTTP Request node, Batching at the true limit (1 item per 1000/limit ms)',
};

const count = (value: number) => value.toLocaleString('en-US');

export function caseLabel(entry: SkipCase): string {
	const changed = `${Math.round(100 / entry.changedEvery)} % changed`;
	if (entry.inputStride === 1 && entry.inputs === entry.environment) {
		return `${count(entry.environment)} users, the same ${count(entry.inputs)} rows, ${changed}`;
	}
	return `${count(entry.environment)} users, ${count(entry.inputs)} of them as rows (every ${entry.inputStride}th), ${changed}: the option must fall back`;
}

/** `--quick`: a tenth of every size, for development only. */
export function scaledCase(entry: SkipCase, quick: boolean): SkipCase {
	if (!quick) return entry;
	return { ...entry, environment: entry.environment / 10, inputs: entry.inputs / 10 };
}

/** What Userflow holds before the run: the bench's users, unchanged. */
export function environmentUsers(entry: SkipCase): BenchUser[] {
	return benchUsers(entry.environment);
}

/** The rows the sync sends: environment users, every `changedEvery`-th with a new plan and nonce. */
export function inputRows(entry: SkipCase): BenchUser[] {
	const environment = benchUsers(entry.environment);
	return Array.from({ length: entry.inputs }, (_, index) => {
		const user = environment[index * entry.inputStride];
		if (index % entry.changedEvery !== 0) return user;
		return { id: user.id, attributes: { ...user.attributes, plan: `${user.attributes.plan}-changed`, bench_nonce: `${user.attributes.bench_nonce}-changed` } };
	});
}

export function changedRows(entry: SkipCase): number {
	return Math.ceil(entry.inputs / entry.changedEvery);
}

/** The option's floor: reading the environment (or its budget) plus the changed rows, at the limit. */
export function skipFloorMs(entry: SkipCase, rate: number): number {
	const pages = Math.min(Math.ceil(entry.environment / 100), Math.max(1, Math.ceil(0.05 * entry.inputs)));
	return ((pages + changedRows(entry)) / rate) * 1000;
}
