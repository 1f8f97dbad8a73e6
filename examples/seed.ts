import type { UserflowEmulator } from '../emulator';

/**
 * What a Userflow environment holds before the examples run: one published flow, the one
 * the trigger example watches. Used by the demo, the engine tests and the e2e suite.
 */
export function seedExampleEnvironment(emulator: UserflowEmulator): void {
	emulator.seedContent(1, { type: 'flow', name: () => 'Welcome tour' });
}

/** Users who complete the "Welcome tour" flow after the trigger example is activated. */
export const COMPLETING_USERS = ['u_1001', 'legacy_1', 'legacy_2'];

/** The activity the trigger example reacts to: three users complete "Welcome tour". */
export function completeWelcomeTour(emulator: UserflowEmulator): void {
	const tour = [...emulator.store.content.values()].find((content) => content.name === 'Welcome tour');
	if (!tour) throw new Error('seedExampleEnvironment() seeds a flow named "Welcome tour"');
	for (const userId of COMPLETING_USERS) {
		if (!emulator.store.users.has(userId)) emulator.store.addUser(userId, { name: userId });
		const session = emulator.store.addContentSession({ content_id: tour.id, user_id: userId });
		emulator.store.completeContentSession(session.id);
	}
}
