import type { AttributeInputSpec } from './fields';

/**
 * Every attribute set the node writes, with the loadOptions method that lists its names.
 * Parameter names derive from the prefix (see attributeParameterNames).
 */
export const USER_ATTRIBUTES: AttributeInputSpec = {
	prefix: '',
	label: 'Attributes',
	// Resource-aware, so user, group and event operations share one set of fields (mergeSharedProperties).
	loadOptionsMethod: 'getAttributeNamesOfResource',
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
	modes: ['defineBelow', 'json'],
};

export const MEMBERSHIP_ATTRIBUTES: AttributeInputSpec = {
	prefix: 'membership',
	label: 'Membership Attributes',
	loadOptionsMethod: 'getMembershipAttributeNames',
	modes: ['defineBelow', 'json'],
};
