/** Names for Specific Events: Userflow's built-in ones, and what makes a name valid. */

/** Events Userflow tracks itself (the contract's list): offered even before any was tracked. */
export const BUILT_IN_EVENT_NAMES = [
	'flow_started',
	'flow_completed',
	'flow_ended',
	'flow_step_seen',
	'question_answered',
	'checklist_started',
	'checklist_completed',
	'checklist_ended',
	'checklist_task_completed',
	'checklist_task_clicked',
	'launcher_seen',
	'launcher_activated',
	'launcher_dismissed',
	'resource_center_opened',
	'resource_center_closed',
	'banner_seen',
	'announcement_seen',
	'page_viewed',
] as const;

/**
 * A topic is `event.tracked.<name>`: a dot would read as another topic level and whitespace
 * is never part of a Userflow event name. Letter case is kept (names are case-sensitive).
 */
export const EVENT_NAME_PATTERN = '^[^\\s.]+$';

export function isValidEventName(name: string): boolean {
	return new RegExp(EVENT_NAME_PATTERN).test(name);
}
