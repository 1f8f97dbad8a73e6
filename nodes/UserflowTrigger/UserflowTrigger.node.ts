import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { searchContent } from '../Userflow/methods/listSearch/searchContent';
import { readPacingSettings } from '../Userflow/shared/transport/pacingOptions';
import { initialState, newestMatching, PAGE_SIZE, readState, sweep } from './cursor/sweep';
import { eventScope, eventSource, type EventFilters, type TriggerEvent } from './events';
import { listPageFetcher } from './fetchListPage';
import { DEFAULT_MAX_PAGES, triggerProperties } from './properties';
import { simplifyItem } from './simplifyItem';
import { noTestEventError } from './testEventMessage';

/** Where the cursor lives in the node's static data. */
const CURSOR_KEY = 'cursor';

function readFilters(ctx: IPollFunctions, event: TriggerEvent): EventFilters {
	if (event !== 'newContentSession' && event !== 'completedContentSession') return {};
	const limitTo = ctx.getNodeParameter('limitTo', 'all') as string;
	if (limitTo === 'content') {
		return { contentId: String(ctx.getNodeParameter('contentId', '', { extractValue: true }) ?? '') || undefined };
	}
	if (limitTo === 'contentType') return { contentType: ctx.getNodeParameter('contentType', 'flow') as string };
	return {};
}

export class UserflowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Userflow Trigger',
		name: 'userflowTrigger',
		icon: { light: 'file:../../icons/userflow.svg', dark: 'file:../../icons/userflow.dark.svg' },
		group: ['trigger'],
		version: 1,
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
		const options = this.getNodeParameter('options', {}) as { maxPagesPerPoll?: number };
		const maxPages = Math.max(1, Math.floor(Number(options.maxPagesPerPoll ?? DEFAULT_MAX_PAGES)) || 1);
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const source = eventSource(event, filters);
		const fetchPage = listPageFetcher(this, source, readPacingSettings(this));
		const output = (items: IDataObject[]) =>
			[this.helpers.returnJsonArray(simplify ? items.map((item) => simplifyItem(event, item)) : items)];

		// "Fetch Test Event": show the newest match; the cursor is neither read nor moved.
		if (this.getMode() === 'manual') {
			const newest = await newestMatching(source.model, fetchPage, maxPages);
			if (!newest) throw noTestEventError(this.getNode(), event, filters, maxPages * PAGE_SIZE);
			return output([newest]);
		}

		const staticData = this.getWorkflowStaticData('node');
		const scope = eventScope(event, filters);
		const saved = readState(staticData[CURSOR_KEY], scope);
		if (!saved) {
			// First activation (or another event or filter): remember where the list stands.
			staticData[CURSOR_KEY] = (await initialState(scope, source.model, fetchPage)).state as unknown as IDataObject;
			return null;
		}
		// A failed request throws out of here before the state is written: the next poll retries.
		const result = await sweep(saved, source.model, fetchPage, maxPages);
		if (JSON.stringify(result.state) !== JSON.stringify(saved)) {
			staticData[CURSOR_KEY] = result.state as unknown as IDataObject;
		}
		return result.items.length > 0 ? output(result.items) : null;
	}
}
