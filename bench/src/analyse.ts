/**
 * What the emulator saw and kept: the ground truth for every variant, whatever the variant
 * itself believes it did.
 */
import type { RecordedRequest, UserflowEmulator } from '../../emulator';
import type { BenchUser } from './dataset';

export interface SecondBucket {
	second: number;
	sent: number;
	accepted: number;
	rateLimited: number;
}

export interface UpsertMetrics {
	requests: number;
	rateLimited: number;
	/** Answers other than 2xx and 429 (or none at all). */
	otherFailures: number;
	/** Users stored with exactly the attributes this run sent (nonce included). */
	stored: number;
	/** Users stored but with other attributes than sent (should never happen). */
	storedWrong: number;
	missing: number;
	/** Ids whose body was accepted (2xx) more than once. */
	duplicated: number;
	/** Accepted writes beyond the first per id. */
	extraWrites: number;
	timeline: SecondBucket[];
}

const isAccepted = (request: RecordedRequest) => request.status >= 200 && request.status < 300;

export function analyseUpserts(emulator: UserflowEmulator, users: BenchUser[], startedAt: number): UpsertMetrics {
	const requests = emulator.requests;
	const writesPerId = new Map<string, number>();
	for (const request of requests) {
		if (request.method !== 'POST' || request.path !== '/users' || !isAccepted(request)) continue;
		const id = String((request.body as { id?: unknown } | undefined)?.id);
		writesPerId.set(id, (writesPerId.get(id) ?? 0) + 1);
	}
	let stored = 0;
	let storedWrong = 0;
	for (const user of users) {
		const record = emulator.store.users.get(user.id);
		if (!record) continue;
		const same = Object.entries(user.attributes).every(([name, value]) => record.attributes[name] === value);
		if (same) stored++;
		else storedWrong++;
	}
	const duplicated = [...writesPerId.values()].filter((writes) => writes > 1).length;
	const extraWrites = [...writesPerId.values()].reduce((sum, writes) => sum + Math.max(0, writes - 1), 0);
	const rateLimited = requests.filter((request) => request.status === 429).length;
	return {
		requests: requests.length,
		rateLimited,
		otherFailures: requests.filter((request) => !isAccepted(request) && request.status !== 429).length,
		stored,
		storedWrong,
		missing: users.length - stored - storedWrong,
		duplicated,
		extraWrites,
		timeline: perSecond(requests, startedAt),
	};
}

export function perSecond(requests: RecordedRequest[], startedAt: number): SecondBucket[] {
	const buckets: SecondBucket[] = [];
	for (const request of requests) {
		const second = Math.max(0, Math.floor((request.at - startedAt) / 1000));
		while (buckets.length <= second) buckets.push({ second: buckets.length, sent: 0, accepted: 0, rateLimited: 0 });
		const bucket = buckets[second];
		bucket.sent++;
		if (isAccepted(request)) bucket.accepted++;
		if (request.status === 429) bucket.rateLimited++;
	}
	return buckets;
}

export interface ListMetrics {
	requests: number;
	pages: number;
	rateLimited: number;
	/** Page sizes asked for (`limit` query). */
	limits: string[];
}

export function analyseList(emulator: UserflowEmulator): ListMetrics {
	const lists = emulator.requests.filter((request) => request.method === 'GET' && request.path === '/users');
	return {
		requests: emulator.requests.length,
		pages: lists.filter(isAccepted).length,
		rateLimited: emulator.requests.filter((request) => request.status === 429).length,
		limits: [...new Set(lists.map((request) => String(request.query.limit ?? '(none)')))],
	};
}
