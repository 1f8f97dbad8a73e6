/** Read-only /attribute_definitions and /event_definitions. */
import { LIST_QUERY, listResponse } from '../lists';
import { checkQuery, parseEnumParam } from '../request';
import { attributeDefinitionJson, eventDefinitionJson } from '../serialize';
import { timestampMs } from '../time';
import type { AttributeScope } from '../types';
import { ok, type Handler } from './context';

const SCOPES: readonly AttributeScope[] = ['user', 'group', 'group_membership', 'event'];
/** The contract lists no order_by for definitions: only the default order is accepted. */
const PAGING_ONLY = LIST_QUERY.filter((name) => name !== 'order_by');

export const listAttributeDefinitions: Handler = (request, store) => {
	checkQuery(request.query, { single: [...PAGING_ONLY, 'scope'] });
	const scope = parseEnumParam(request.query, 'scope', SCOPES);
	return ok(
		listResponse(request, {
			label: 'Attribute definition',
			all: () => store.attributeDefinitions.values(),
			get: (id) => store.attributeDefinitions.get(id),
			filter: scope === undefined ? undefined : (definition) => definition.scope === scope,
			sortKeys: { created_at: (definition) => timestampMs(definition.created_at) },
			orderBy: ['created_at'],
			defaultOrderBy: 'created_at',
			toJson: attributeDefinitionJson,
		}),
	);
};

export const listEventDefinitions: Handler = (request, store) => {
	checkQuery(request.query, { single: PAGING_ONLY });
	return ok(
		listResponse(request, {
			label: 'Event definition',
			all: () => store.eventDefinitions.values(),
			get: (id) => store.eventDefinitions.get(id),
			sortKeys: { created_at: (definition) => timestampMs(definition.created_at) },
			orderBy: ['created_at'],
			defaultOrderBy: 'created_at',
			toJson: eventDefinitionJson,
		}),
	);
};
