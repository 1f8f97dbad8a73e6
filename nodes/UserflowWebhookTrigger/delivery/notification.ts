/**
 * A delivery's body, parsed from the raw bytes that were signed (never from a re-serialised
 * copy) and checked for the parts the node relies on.
 */
import type { IDataObject } from 'n8n-workflow';

export interface UserflowNotification extends IDataObject {
	id: string;
	topic: string;
	created_at?: string;
	data: IDataObject & {
		object: IDataObject;
		previous_attributes?: IDataObject;
		updated_attributes?: IDataObject;
	};
}

export type ParsedNotification = { ok: true; notification: UserflowNotification } | { ok: false; problem: string };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseNotification(rawBody: Buffer): ParsedNotification {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return { ok: false, problem: 'The body is not JSON' };
	}
	if (!isObject(body)) return { ok: false, problem: 'The body is not a JSON object' };
	if (typeof body.id !== 'string' || body.id === '') return { ok: false, problem: 'The notification has no id' };
	if (typeof body.topic !== 'string' || body.topic === '') return { ok: false, problem: 'The notification has no topic' };
	if (!isObject(body.data) || !isObject(body.data.object)) return { ok: false, problem: 'The notification has no data.object' };
	return { ok: true, notification: body as UserflowNotification };
}

export interface ChangeSets {
	previous: IDataObject;
	updated: IDataObject;
}

/**
 * What an update changed. The contract says `*.updated` notifications carry
 * `previous_attributes` / `updated_attributes` but not where: inside `data`, beside `object`
 * (where the emulator puts them), or at the top of the notification. Both are read, `data`
 * first; the choice is here only (README: What the package assumes).
 */
export function changeSetsOf(notification: UserflowNotification): ChangeSets {
	const pick = (name: 'previous_attributes' | 'updated_attributes'): IDataObject => {
		const inData = notification.data[name];
		if (isObject(inData)) return inData;
		const atTop = notification[name];
		return isObject(atTop) ? atTop : {};
	};
	return { previous: pick('previous_attributes'), updated: pick('updated_attributes') };
}
