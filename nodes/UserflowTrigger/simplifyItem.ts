import type { IDataObject } from 'n8n-workflow';

import { simplifyRecord } from '../Userflow/shared/simplify';
import type { TriggerEvent } from './events';

/** A content session flattened: the session's own fields plus the content's name and type. */
function simplifySession(session: IDataObject): IDataObject {
	const content = (session.content ?? {}) as IDataObject;
	return {
		id: session.id,
		user_id: session.user_id,
		group_id: session.group_id,
		content_id: session.content_id,
		content_name: content.name,
		content_type: content.type,
		completed: session.completed,
		completed_at: session.completed_at,
		progress: session.progress,
		created_at: session.created_at,
		last_activity_at: session.last_activity_at,
	};
}

export function simplifyItem(event: TriggerEvent, item: IDataObject): IDataObject {
	return event === 'newUser' || event === 'newGroup' ? simplifyRecord(item) : simplifySession(item);
}
