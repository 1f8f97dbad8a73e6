import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { sendDeclarative } from '../transport/userflowRequest';
import { simplifyRecord } from '../simplify';
import { checkListFilters, readLimit } from '../validation/listParameters';

/** Userflow's largest page. */
export const MAX_PAGE_SIZE = 100;

interface ListEnvelope {
	data?: IDataObject[];
	has_more?: boolean;
}

function optionalParameter<T>(ctx: IExecutePaginationFunctions, name: string, fallback: T): T {
	try {
		return ctx.getNodeParameter(name, fallback) as T;
	} catch {
		return fallback;
	}
}

/**
 * Get Many for every list endpoint: follows `starting_after` with the query the routing
 * built (not `next_page_url`, whose query n8n would append twice), asks for no more than
 * it still needs, and stops as soon as it has `limit` records.
 */
export async function paginateList(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = readLimit(this);
	checkListFilters(this);
	const simplify = optionalParameter(this, 'simplify', false);
	const records: INodeExecutionData[] = [];
	let startingAfter: string | undefined;
	while (records.length < limit) {
		const qs: IDataObject = { ...(requestData.options.qs ?? {}), limit: Math.min(MAX_PAGE_SIZE, limit - records.length) };
		if (startingAfter !== undefined) qs.starting_after = startingAfter;
		const [response] = await sendDeclarative(this, { ...requestData, options: { ...requestData.options, qs } });
		const page = (response?.json ?? {}) as ListEnvelope;
		const data = page.data ?? [];
		for (const record of data) {
			if (records.length >= limit) break;
			records.push({ json: simplify ? simplifyRecord(record) : record });
		}
		if (!page.has_more || data.length === 0) break;
		startingAfter = String(data[data.length - 1].id);
	}
	return records;
}
