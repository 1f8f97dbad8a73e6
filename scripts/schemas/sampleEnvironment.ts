/**
 * The Userflow environment the schemas are generated in: one of each thing, with the
 * attributes a real environment typically has, so each operation's output shows its fields.
 */
import type { UserflowEmulator } from '../../emulator';

export const SAMPLE = { userId: 'u_1001', groupId: 'acme', contentId: 'welcome_tour' } as const;

export function seedSampleEnvironment(emulator: UserflowEmulator): void {
	const { store } = emulator;
	store.addUser(SAMPLE.userId, {
		name: 'Ava Lee',
		email: 'ava@example.com',
		plan: 'pro',
		signed_up_at: '2026-11-20T09:30:00.000Z',
	});
	store.addGroup(SAMPLE.groupId, { name: 'Acme Inc', seats: 5 });
	store.addMembership(SAMPLE.userId, SAMPLE.groupId, { role: 'admin' });
	store.addContent({ id: SAMPLE.contentId, type: 'flow', name: 'Welcome tour' });
	const session = store.addContentSession({ content_id: SAMPLE.contentId, user_id: SAMPLE.userId, group_id: SAMPLE.groupId, progress: 1 });
	store.completeContentSession(session.id);
	emulator.seedAttributeDefinitions([
		{ name: 'plan', scope: 'user', data_type: 'string', display_name: 'Plan', description: 'Billing plan' },
		{ name: 'seats', scope: 'group', data_type: 'number', display_name: 'Seats' },
	]);
	emulator.seedEventDefinitions([{ name: 'document_created', display_name: 'Document created', description: 'A user created a document' }]);
}
