/**
 * The users every upsert variant sends: the same ids and attributes for each variant, so
 * runs compare like with like. `bench_nonce` is unique per item, so the store shows which
 * body a stored user came from, and the request log shows how often each id was written.
 */
export interface BenchUser {
	id: string;
	attributes: {
		name: string;
		email: string;
		plan: string;
		signed_up_at: string;
		bench_nonce: string;
	};
}

const PLANS = ['free', 'starter', 'pro', 'enterprise'];

export function userId(index: number): string {
	return `bench_user_${String(index).padStart(6, '0')}`;
}

export function benchUsers(count: number): BenchUser[] {
	const base = Date.UTC(2024, 0, 1);
	return Array.from({ length: count }, (_, index) => ({
		id: userId(index),
		attributes: {
			name: `Bench User ${index}`,
			email: `bench.user.${index}@example.com`,
			plan: PLANS[index % PLANS.length],
			signed_up_at: new Date(base + index * 60_000).toISOString(),
			bench_nonce: `nonce-${index}-${(index * 2654435761) % 4294967296}`,
		},
	}));
}
