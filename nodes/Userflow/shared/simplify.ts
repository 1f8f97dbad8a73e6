import type { IDataObject } from 'n8n-workflow';

/**
 * "Simplify": one flat object per record, the attributes beside the id and creation
 * time, which is what most workflows map into a sheet or a CRM.
 */
export function simplifyRecord(record: IDataObject): IDataObject {
	const attributes = (record.attributes ?? {}) as IDataObject;
	return { ...attributes, id: record.id, created_at: record.created_at };
}
