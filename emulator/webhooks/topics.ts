/**
 * Which subscriptions a notification goes to. The contract's topics are a hierarchy:
 * `*` ⊃ `user` ⊃ `user.created`, and `event` ⊃ `event.tracked` ⊃ `event.tracked.<name>`.
 */

/**
 * The topic a notification carries. For tracked events the emulator sends the most specific
 * one, `event.tracked.<name>` (the contract leaves open whether Userflow sends that or
 * `event.tracked`; clients must accept both).
 */
export function notificationTopic(type: 'user' | 'group' | 'event', action: 'created' | 'updated' | 'tracked', eventName?: string): string {
	if (type === 'event') return `event.tracked.${eventName ?? ''}`;
	return `${type}.${action}`;
}

/** True when a subscription to `subscribed` receives notifications of `topic`. */
export function topicMatches(subscribed: string, topic: string): boolean {
	return subscribed === '*' || subscribed === topic || topic.startsWith(`${subscribed}.`);
}
