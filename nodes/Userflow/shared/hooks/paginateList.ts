import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { readOutputShape, shapeOutput } from '../output/outputShape';
import { simplifyRecord } from '../simplify';
import { readListAnswer } from '../transport/listAnswer';
import { PageWalk } from '../transport/pageWalk';
import { sendDeclarative } from '../transport/userflowRequest';
import { checkListFilters, readLimit } from '../validation/listParameters';
import { answerProblem } from './answerProblem';

/** Userflow's largest page. */
export const MAX_PAGE_SIZE = 100;

/**
 * Return All stops here (a million records) with an error that says to use Limit or
 * filters: a list that never ends must not cost unbounded requests or memory.
 */
export const MAX_GET_MANY_PAGES = 10_000;

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
	const shape = readOutputShape(this, false);
	const records: INodeExecutionData[] = [];
	const walk = new PageWalk(
		MAX_GET_MANY_PAGES,
		(pages) =>
			`Get Many stopped after ${pages} pages (${records.length} records) without reaching the end of the list; use Limit or filters to read fewer`,
	);
	let startingAfter: string | undefined;
	while (records.length < limit) {
		const qs: IDataObject = { ...(requestData.options.qs ?? {}), limit: Math.min(MAX_PAGE_SIZE, limit - records.length) };
		if (startingAfter !== undefined) qs.starting_after = startingAfter;
		const [response] = await sendDeclarative(this, { ...requestData, options: { ...requestData.options, qs } });
		const cursor: string | undefined = startingAfter;
		startingAfter = answerProblem(this, () => {
			const page = readListAnswer(response?.json);
			for (const record of page.data) {
				if (records.length >= limit) break;
				records.push({ json: shapeOutput(record, shape, simplifyRecord) });
			}
			return records.length < limit ? walk.next(page, cursor) : undefined;
		});
		if (startingAfter === undefined) break;
	}
	return records;
}
