import type { IDataObject } from 'n8n-workflow';

/** A user's or group's attributes (`name`, `email`, ... are attributes, not top-level fields). */
export function attributesOf(record: IDataObject): IDataObject {
	const attributes = record.attributes;
	return attributes && typeof attributes === 'object' ? (attributes as IDataObject) : {};
}

export function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
