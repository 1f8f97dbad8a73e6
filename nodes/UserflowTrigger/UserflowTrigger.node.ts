import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { searchContent } from '../Userflow/methods/listSearch/searchContent';
import { checkId } from '../Userflow/shared/validation/idRule';
import { initialState, isBlinded, newestMatching, PAGE_SIZE, readState, sweep, type FetchPage } from './cursor/sweep';
import { forgetStart, recordedStart, recordStart } from './cursor/startPosition';
import { eventScope, eventSource, type EventFilters, type EventSource, type TriggerEvent } from './events';
import { listPageFetcher } from './fetchListPage';
import { triggerProperties } from './properties';
import { simplifyItem } from './simplifyItem';
import { noTestEventError } from './testEventMessage';
import { readTriggerOptions } from './triggerOptions';

/** Where the cursor lives in the node's static data. */
const CURSOR_KEY = 'cursor';

function readFilters(ctx: IPollFunctions, event: TriggerEvent): EventFilters {
	if (event !== 'newContentSession' && event !== 'completedContentSession') return {};
	const limitTo = ctx.getNodeParameter('limitTo', 'all') as string;
	if (limitTo === 'content') {
		const check = checkId(ctx.getNodeParameter('contentId', '', { extractValue: true }));
		if (check.ok) return { contentId: check.id };
		if (check.empty) return {};
		throw new NodeOperationError(ctx.getNode(), `Content: ${check.problem}`, { description: 'Nothing was read from Userflow.' });
	}
	if (limitTo === 'contentType') return { contentType: ctx.getNodeParameter('contentType', 'flow') as string };
	return {};
}

async function anchoredState(
	ctx: IPollFunctions,
	scope: string,
	model: EventSource['model'],
	fetchPage: FetchPage,
	maxPages: number,
) {
	let failure: unknown;
	try {
		return await initialState(scope, model, fetchPage, maxPages);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) throw failure;
	throw new NodeOperationError(ctx.getNode(), (failure as Error).message, {
		description: 'The trigger saved no position; the next poll tries again.',
	});
}

/** Records with odd timestamps never move the cursor; the log says which ones were met. */
function warnOdd(ctx: IPollFunctions, items: IDataObject[], handling: string): void {
	if (items.length === 0) return;
	const ids = items.slice(0, 10).map((item) => `'${String(item.id)}'`).join(', ');
	ctx.logger.warn(
		`Userflow Trigger: ${items.length} record(s) with a timestamp that is not a date or lies in the future (${ids}${items.length > 10 ? ', ...' : ''}) ${handling}; they never move the trigger's position`,
	);
}

function warnBlinded(ctx: IPollFunctions, watermark: string | null): void {
	ctx.logger.warn(
		`Userflow Trigger: the saved position '${String(watermark)}' is not a usable timestamp (saved by an earlier version from a record with an odd date); starting afresh from where Userflow stands now`,
	);
}

export class UserflowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Userflow Trigger',
		name: 'userflowTrigger',
		icon: { light: 'file:../../icons/userflow.svg', dark: 'file:../../icons/userflow.dark.svg' },
		group: ['trigger'],
		// 1.1: one Options collection holds the rate limit settings too (1 shows two boxes).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when users, groups or flow and checklist sessions appear in Userflow',
		defaults: { name: 'Userflow Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'userflowApi', required: true }],
		properties: triggerProperties,
	};

	methods = { listSearch: { searchContent } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const filters = readFilters(this, event);
		const { maxPages, pacing } = readTriggerOptions(this);
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const source = eventSource(event, filters);
		const fetchPage = listPageFetcher(this, source, pacing);
		const output = (items: IDataObject[]) =>
			[this.helpers.returnJsonArray(simplify ? items.map((item) => simplifyItem(event, item)) : items)];

		// "Fetch Test Event": show the newest match; the cursor is neither read nor moved.
		if (this.getMode() === 'manual') {
			const newest = await newestMatching(source.model, fetchPage, maxPages);
			if (!newest) throw noTestEventError(this.getNode(), event, filters, maxPages * PAGE_SIZE);
			return output([newest]);
		}

		const staticData = this.getWorkflowStaticData('node');
		const globalData = this.getWorkflowStaticData('global');
		const node = this.getNode();
		const scope = eventScope(event, filters);
		let saved = readState(staticData[CURSOR_KEY], scope);
		if (saved && isBlinded(saved)) {
			warnBlinded(this, saved.watermark);
			saved = undefined;
		}
		let adopted = false;
		if (!saved) {
			// No cursor of its own: the start recorded when the workflow was published, if n8n
			// dropped the cursor of that poll (durable poll cursors; see cursor/startPosition.ts).
			const start = recordedStart(globalData, node, scope);
			if (start && !isBlinded(start)) {
				saved = start;
				adopted = true;
			} else {
				// First activation (or another event or filter): remember where the list stands.
				const initial = await anchoredState(this, scope, source.model, fetchPage, maxPages);
				warnOdd(this, initial.oddItems, 'were recorded as already seen');
				staticData[CURSOR_KEY] = initial.state as unknown as IDataObject;
				recordStart(globalData, node, initial.state);
				return null;
			}
		}
		// A failed request throws out of here before the state is written: the next poll retries.
		const result = await sweep(saved, source.model, fetchPage, maxPages);
		warnOdd(this, result.oddItems, 'are emitted once, after the others');
		// The node's own cursor is in effect from here on.
		forgetStart(globalData, node);
		if (adopted || JSON.stringify(result.state) !== JSON.stringify(saved)) {
			staticData[CURSOR_KEY] = result.state as unknown as IDataObject;
		}
		return result.items.length > 0 ? output(result.items) : null;
	}
}
