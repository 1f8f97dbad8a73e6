/**
 * The three requests of a subscription's life, through the package's one request layer
 * (`userflowApiRequest`: auth, region, pacing, retries, error messages).
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { USERFLOW_API_VERSION } from '../../Userflow/shared/transport/baseUrl';
import type { PacingSettings } from '../../Userflow/shared/transport/pacingOptions';
import { userflowApiRequest } from '../../Userflow/shared/transport/userflowRequest';

const PATH = '/webhook_subscriptions';
const PAGE_SIZE = 100;
/** 5,000 subscriptions: far more than an environment has; a looping cursor cannot hang activation. */
const MAX_PAGES = 50;
/** Activation waits for these requests: retry, but not for minutes. */
const PACING: PacingSettings = { limits: { maxRetries: 4, maxWaitMs: 30_000 } };

export interface RemoteSubscription {
	id: string;
	url?: string;
	topics?: string[];
	disabled?: boolean;
	secret?: string;
}

interface ListEnvelope {
	data?: RemoteSubscription[];
	has_more?: boolean;
}

/** The environment's subscription with this id, looked up in the list (there is no GET by id). */
export async function findSubscription(ctx: IHookFunctions, id: string): Promise<RemoteSubscription | undefined> {
	let startingAfter: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const qs: IDataObject = { limit: PAGE_SIZE };
		if (startingAfter) qs.starting_after = startingAfter;
		const answer = await userflowApiRequest<ListEnvelope>(ctx, { method: 'GET', url: PATH, qs }, { mode: 'idempotent', pacing: PACING });
		const data = answer.data ?? [];
		const found = data.find((subscription) => subscription.id === id);
		if (found) return found;
		const last = data[data.length - 1];
		if (!answer.has_more || !last) return undefined;
		startingAfter = last.id;
	}
	return undefined;
}

/**
 * Creates a subscription. Never resent after a failure that may have created it: a second
 * one would deliver every notification twice (the layer resends only what cannot have
 * reached Userflow, or a 429).
 */
export async function postSubscription(ctx: IHookFunctions, url: string, topics: string[]): Promise<RemoteSubscription> {
	return await userflowApiRequest<RemoteSubscription>(
		ctx,
		{ method: 'POST', url: PATH, body: { url, topics, api_version: USERFLOW_API_VERSION } },
		{ mode: 'onlyIfNotRecorded', pacing: PACING },
	);
}

/** Deletes a subscription; false when Userflow no longer has it (404). */
export async function deleteSubscriptionById(ctx: IHookFunctions, id: string): Promise<boolean> {
	let failure: unknown;
	try {
		await userflowApiRequest(ctx, { method: 'DELETE', url: `${PATH}/${encodeURIComponent(id)}` }, { mode: 'idempotent', pacing: PACING });
		return true;
	} catch (error) {
		if ((error as { httpCode?: string | null }).httpCode === '404') return false;
		failure = error;
	}
	// Already the layer's NodeApiError, with the status and Userflow's message.
	throw failure;
}
