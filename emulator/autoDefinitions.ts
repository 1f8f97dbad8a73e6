/**
 * Userflow creates attribute and event definitions the first time it sees a name; the
 * emulator does the same so `GET /attribute_definitions` and `/event_definitions` reflect usage.
 */
import { isIsoDateTime } from './time';
import type { EmulatorStore } from './store';
import type { AttributeDataType, AttributeMap, AttributeScope } from './types';

function inferDataType(value: unknown): AttributeDataType {
	if (typeof value === 'number') return 'number';
	if (typeof value === 'boolean') return 'boolean';
	if (Array.isArray(value)) return 'list';
	if (isIsoDateTime(value)) return 'datetime';
	return 'string';
}

export function defineAttributes(store: EmulatorStore, scope: AttributeScope, attributes: AttributeMap): void {
	for (const [name, value] of Object.entries(attributes)) {
		const known = [...store.attributeDefinitions.values()].some((d) => d.scope === scope && d.name === name);
		if (!known) store.addAttributeDefinition({ name, scope, data_type: inferDataType(value) });
	}
}

export function defineEvent(store: EmulatorStore, name: string): void {
	const known = [...store.eventDefinitions.values()].some((d) => d.name === name);
	if (!known) store.addEventDefinition({ name });
}
