import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	IDataObject,
} from 'n8n-workflow';

import { readOutputShape, shapeOutput } from '../output/outputShape';
import { simplifyRecord } from '../simplify';
import { getObject } from './sendObjectRequest';

/**
 * Version 2's Get of one user or group: getObject, then Simplify (on by default) so that Get
 * returns the same flat record as Get Many (and Selected Fields, see outputShape). Version 1's
 * Get has neither and uses getObject.
 */
export async function getRecord(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const shape = readOutputShape(this, true);
	const items = await getObject.call(this, requestData);
	return items.map((item) => ({ ...item, json: shapeOutput(item.json as IDataObject, shape, simplifyRecord) }));
}
