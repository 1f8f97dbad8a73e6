/**
 * What an AI Agent is told about each operation when the node is its tool (the generated
 * Userflow Tool): when to use it and what is safe to repeat. n8n's own automatic text is
 * only the operation's action ("Create or update a user in Userflow"), which says nothing
 * about retries or side effects, and the action cannot carry more without also renaming
 * every node added from the editor's node panel. So the tool's Description field reads the
 * chosen operation's text from here (see shared/fields/toolDescription.ts).
 *
 * Resource → operation → text. Every operation of the node must have one (a test checks).
 */
export const TOOL_DESCRIPTIONS: Record<string, Record<string, string>> = {
	attributeDefinition: {
		getAll:
			'List the attributes Userflow knows for users, groups, memberships or events (name, type). Read-only. Use it to learn which attribute names exist before setting one. Returns at most Limit records.',
	},
	content: {
		get: 'Get one Userflow flow, checklist or launcher by its ID. Read-only.',
		getAll: 'List Userflow flows, checklists and launchers. Read-only. Returns at most Limit records.',
	},
	contentSession: {
		getAll:
			'List the sessions (runs by users) of one flow or checklist: who started or completed it. Read-only. Returns at most Limit records.',
	},
	event: {
		track:
			'Record that an event happened to a user and/or group in Userflow (e.g. to start a flow). Each call records one more event: call it once per real occurrence, and never call it again to retry or to check.',
	},
	eventDefinition: {
		getAll:
			'List the event names Userflow has seen in this environment. Read-only. Returns at most Limit records.',
	},
	group: {
		delete:
			'Delete a group (company, team) from Userflow permanently; its users stay. Use only when the user explicitly asks to delete this group.',
		get: 'Get one group (company, team) from Userflow by its group ID, with its attributes. Read-only.',
		getAll: 'List groups (companies, teams) in Userflow. Read-only. Returns at most Limit records.',
		update:
			'Change attributes of a group that already exists in Userflow; fails if there is no such group. Safe to repeat with the same values.',
		upsert:
			'Create a group in Userflow, or update its attributes if it already exists (by group ID). Safe to repeat with the same values; use it to create or change a group.',
	},
	membership: {
		add: "Add a user to a group in Userflow, or update that membership's attributes; the user's other groups stay. Safe to repeat.",
		getAll: 'List the groups one user belongs to in Userflow. Read-only. Returns at most Limit records.',
		remove:
			"Remove a user from one group in Userflow; the user and the group stay. Use only when the user explicitly asks. Safe to repeat: a user who is not a member is not an error.",
	},
	user: {
		delete:
			'Delete a user from Userflow permanently; their groups stay. Use only when the user explicitly asks to delete this user.',
		get: 'Get one user from Userflow by their user ID (the ID in your app), with their attributes. Read-only.',
		getAll: 'List users in Userflow, optionally by email. Read-only. Returns at most Limit records.',
		update:
			'Change attributes of a user that already exists in Userflow; fails if there is no such user. Safe to repeat with the same values.',
		upsert:
			'Create a user in Userflow, or update their attributes if they already exist (by user ID). Safe to repeat with the same values; use it to create or change a user.',
	},
};
