import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { textOf } from '../shared/attributes';
import { scanSearch } from '../shared/scanSearch';

function contentResult(content: IDataObject): INodeListSearchItems {
	const id = String(content.id);
	const name = textOf(content.name) ?? id;
	const type = textOf(content.type);
	return { name: type ? `${name} (${type})` : name, value: id };
}

/** "From list" for flows, checklists and launchers, by name, matched on id, name and type. */
export async function searchContent(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await scanSearch(
		this,
		{
			path: '/content',
			qs: { order_by: 'name' },
			haystack: (content) => [content.id, content.name, content.type],
			toResult: contentResult,
		},
		(filter ?? '').trim(),
		paginationToken,
	);
}
