/** Injected failures drawn from a seeded PRNG, so a failing run can be replayed exactly. */
import type { FaultOptions } from './types';

export type Fault = { kind: 'none' } | { kind: 'server_error'; status: 500 | 503 } | { kind: 'reset' } | { kind: 'slow'; ms: number };

/** mulberry32: tiny, fast, good enough to spread faults evenly. */
function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function checkRate(name: string, value: number | undefined): number {
	const rate = value ?? 0;
	if (!(rate >= 0 && rate <= 1)) throw new Error(`faults.${name} must be between 0 and 1`);
	return rate;
}

export class FaultInjector {
	private readonly random: () => number;
	private readonly serverErrorRate: number;
	private readonly resetRate: number;
	private readonly slowRate: number;

	constructor(readonly options: FaultOptions) {
		this.random = mulberry32(options.seed ?? 1);
		this.serverErrorRate = checkRate('serverErrorRate', options.serverErrorRate);
		this.resetRate = checkRate('resetRate', options.resetRate);
		this.slowRate = checkRate('slowRate', options.slowRate);
		if (this.serverErrorRate + this.resetRate + this.slowRate > 1) throw new Error('fault rates add up to more than 1');
	}

	get afterWrite(): boolean {
		return this.options.faultAfterWrite === true;
	}

	/** Two draws per request, always, so the sequence depends only on the seed and request count. */
	next(): Fault {
		const roll = this.random();
		const pick = this.random();
		if (roll < this.serverErrorRate) return { kind: 'server_error', status: pick < 0.5 ? 500 : 503 };
		if (roll < this.serverErrorRate + this.resetRate) return { kind: 'reset' };
		if (roll < this.serverErrorRate + this.resetRate + this.slowRate) return { kind: 'slow', ms: this.options.slowMs ?? 1000 };
		return { kind: 'none' };
	}
}
