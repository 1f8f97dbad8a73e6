import type { AttributeScope } from '../guards/nameCaseGuard';
import type { AttributeInputSpec } from './fields';

/**
 * Every attribute set the node writes, with the methods that list its names (version 1's
 * dropdown, version 2's locator) and whose definitions describe it. Parameter names derive
 * from the prefix (see attributeParameterNames).
 */
export const USER_ATTRIBUTES: AttributeInputSpec = {
	prefix: '',
	label: 'Attributes',
	// Resource-aware, so user, group and event operations share one set of fields (mergeSharedProperties).
	loadOptionsMethod: 'getAttributeNamesOfResource',
	searchListMethod: 'searchAttributeNamesOfResource',
	scope: 'resource',
	modes: ['defineBelow', 'autoMapInputData', 'json'],
};

export const GROUP_ATTRIBUTES: AttributeInputSpec = USER_ATTRIBUTES;

/** Same fields as users' (the Action column hides itself for events), plain values only. */
export const EVENT_ATTRIBUTES: AttributeInputSpec = { ...USER_ATTRIBUTES, plainValuesOnly: true };

/** The group (company) written along with a user or a membership. */
export const RELATED_GROUP_ATTRIBUTES: AttributeInputSpec = {
	prefix: 'group',
	label: 'Group Attributes',
	loadOptionsMethod: 'getGroupAttributeNames',
	searchListMethod: 'searchGroupAttributeNames',
	scope: 'group',
	modes: ['defineBelow', 'json'],
};

export const MEMBERSHIP_ATTRIBUTES: AttributeInputSpec = {
	prefix: 'membership',
	label: 'Membership Attributes',
	loadOptionsMethod: 'getMembershipAttributeNames',
	searchListMethod: 'searchMembershipAttributeNames',
	scope: 'group_membership',
	modes: ['defineBelow', 'json'],
};

/** The resources whose own attributes the shared Attributes field writes. */
const SCOPE_OF_RESOURCE: Record<string, AttributeScope> = { user: 'user', group: 'group', event: 'event' };

/** The scope of the resource's own attributes (what the shared Attributes field writes). */
export function scopeOfResource(resource: unknown): AttributeScope {
	return SCOPE_OF_RESOURCE[String(resource)] ?? 'user';
}

/** Whose attribute definitions describe this set on the given resource. */
export function definitionScope(spec: AttributeInputSpec, resource: unknown): AttributeScope {
	return spec.scope === 'resource' ? scopeOfResource(resource) : spec.scope;
}
