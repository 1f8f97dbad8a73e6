/**
 * The Userflow environment the browser steps work in: users and groups to pick from lists,
 * attribute definitions to pick (a number and a text attribute for users, a role for
 * memberships) and an event definition to suggest. Ids are the emulator's seeding defaults.
 */
import type { UserflowEmulator } from '../../emulator';

export const SEEDED = {
	users: ['user_1', 'user_2', 'user_3', 'user_4', 'user_5'],
	groups: ['group_1', 'group_2', 'group_3'],
	/** A user attribute Userflow knows as a number. */
	numberAttribute: 'seats',
	membershipAttribute: 'role',
	eventName: 'report_exported',
} as const;

export function seedBrowserEnvironment(emulator: UserflowEmulator): void {
	emulator.seedUsers(SEEDED.users.length);
	emulator.seedGroups(SEEDED.groups.length);
	emulator.seedAttributeDefinitions([
		{ name: SEEDED.numberAttribute, scope: 'user', data_type: 'number', display_name: 'Seats' },
		{ name: 'plan', scope: 'user', data_type: 'string', display_name: 'Plan' },
		{ name: SEEDED.membershipAttribute, scope: 'group_membership', data_type: 'string', display_name: 'Role' },
	]);
	emulator.seedEventDefinitions([{ name: SEEDED.eventName, display_name: 'Report Exported' }]);
}
