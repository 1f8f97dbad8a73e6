/** Names for Specific Events: Userflow's built-in ones, and what makes a name valid. */

// Events Userflow tracks itself: one list for the Userflow node's Event Name and this trigger.
export { BUILT_IN_EVENT_NAMES } from '../Userflow/methods/listSearch/searchEventNames';

/**
 * A topic is `event.tracked.<name>`: a dot would read as another topic level and whitespace
 * is never part of a Userflow event name. Letter case is kept (names are case-sensitive).
 */
export const EVENT_NAME_PATTERN = '^[^\\s.]+$';

export function isValidEventName(name: string): boolean {
	return new RegExp(EVENT_NAME_PATTERN).test(name);
}
