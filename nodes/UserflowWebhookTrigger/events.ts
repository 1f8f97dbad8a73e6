/**
 * The Events a user picks and the Userflow topics they become. The option values are
 * Userflow's own topic names (saved workflows store them, so they stay fixed), except
 * Specific Events, which becomes one `event.tracked.<name>` topic per name.
 */

export const SPECIFIC_EVENTS = 'specificEvents';

/** Events that are one Userflow topic each. */
export const TOPIC_EVENTS = ['user.created', 'user.updated', 'group.created', 'group.updated', 'event.tracked'] as const;

/** The events whose notifications carry `previous_attributes` / `updated_attributes`. */
export const UPDATE_TOPICS: readonly string[] = ['user.updated', 'group.updated'];

export const ANY_EVENT_TRACKED = 'event.tracked';

const TRACKED_PREFIX = 'event.tracked.';

export function specificEventTopic(eventName: string): string {
	return `${TRACKED_PREFIX}${eventName}`;
}

/** Exactly the selection, in a stable order: never a wildcard the user did not pick. */
export function topicsOf(events: readonly string[], eventNames: readonly string[]): string[] {
	const topics = TOPIC_EVENTS.filter((topic) => events.includes(topic)) as string[];
	if (events.includes(SPECIFIC_EVENTS)) topics.push(...eventNames.map(specificEventTopic));
	return [...new Set(topics)].sort();
}

/** Two topic lists ask Userflow for the same thing (order and repeats do not matter). */
export function sameTopics(a: readonly string[], b: readonly string[]): boolean {
	const left = [...new Set(a)].sort();
	const right = [...new Set(b)].sort();
	return left.length === right.length && left.every((topic, i) => topic === right[i]);
}

/**
 * Whether a received notification is one of the node's events. For tracked events the
 * contract leaves open whether the topic is `event.tracked` or `event.tracked.<name>`, so the
 * name is read from the event itself (and from the topic only when the event has none).
 */
export function isSelected(
	events: readonly string[],
	eventNames: readonly string[],
	topic: string,
	eventObjectName: unknown,
): boolean {
	if (topic !== ANY_EVENT_TRACKED && !topic.startsWith(TRACKED_PREFIX)) {
		return (TOPIC_EVENTS as readonly string[]).includes(topic) && events.includes(topic);
	}
	if (events.includes(ANY_EVENT_TRACKED)) return true;
	if (!events.includes(SPECIFIC_EVENTS)) return false;
	const name = typeof eventObjectName === 'string' ? eventObjectName : topic.slice(TRACKED_PREFIX.length);
	return eventNames.includes(name);
}
