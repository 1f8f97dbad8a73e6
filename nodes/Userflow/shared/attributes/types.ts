/**
 * What Userflow accepts as an attribute value: a plain value, `null` (clears it), or one
 * change operation such as `{"add": 1}` or `{"set": "2024-01-01T00:00:00.000Z", "data_type": "datetime"}`.
 */
export type AttributeScalar = string | number | boolean;
export type AttributePlainValue = AttributeScalar | AttributeScalar[];
export type AttributeChange = { [operation: string]: AttributePlainValue | string };
export type AttributeValue = AttributePlainValue | AttributeChange | null;
export type AttributeMap = Record<string, AttributeValue>;

export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'datetime', 'list'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** What to do with a value; `clear` sends `null`. */
export const ATTRIBUTE_ACTIONS = ['set', 'set_once', 'add', 'subtract', 'append', 'prepend', 'remove', 'clear'] as const;
export type AttributeAction = (typeof ATTRIBUTE_ACTIONS)[number];

/** Userflow's change operations (every action but `clear`). */
export const CHANGE_OPERATIONS = ['set', 'set_once', 'add', 'subtract', 'append', 'prepend', 'remove'] as const;

/**
 * Which values a scope takes. Users, groups and memberships take every operation and
 * `null`; events take plain values or `{"set": v, "data_type": ...}` and cannot clear.
 */
export interface AttributeRules {
	operations: readonly string[];
	allowNull: boolean;
}

export const PROFILE_RULES: AttributeRules = { operations: CHANGE_OPERATIONS, allowNull: true };
export const EVENT_RULES: AttributeRules = { operations: ['set'], allowNull: false };

/** One row of the "one by one" attribute list, as the node's parameters hold it. */
export interface AttributeRow {
	name?: unknown;
	type?: unknown;
	action?: unknown;
	value?: unknown;
}

/**
 * A value that cannot become an attribute. Pure code throws this; the node turns it into
 * a NodeOperationError naming the item and the field.
 */
export class AttributeInputError extends Error {
	constructor(
		/** e.g. "Attributes › plan" or "Attributes (JSON)". */
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'AttributeInputError';
	}
}
