import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	IDataObject,
} from 'n8n-workflow';

import { simplifyRecord } from '../simplify';
import { getObject } from './sendObjectRequest';

/**
 * Version 2's Get of one user or group: getObject, then Simplify (on by default) so that Get
 * returns the same flat record as Get Many. Version 1's Get has no Simplify and uses getObject.
 */
export async function getRecord(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const items = await getObject.call(this, requestData);
	if (this.getNodeParameter('simplify', true) !== true) return items;
	return items.map((item) => ({ ...item, json: simplifyRecord(item.json as IDataObject) }));
}
