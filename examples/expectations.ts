/**
 * What each example workflow must leave behind in Userflow (the emulator's store) and in
 * n8n's output. One list, used three ways: the demo prints it, the engine tests assert it,
 * the end-to-end suite asserts it after running the examples in the real n8n CLI.
 */
import type { IDataObject } from 'n8n-workflow';

import type { EmulatorStore } from '../emulator';
import { ENGAGEMENT_EVENTS, ENGAGEMENTS } from './engagements';
import { COMPLETING_USERS } from './seed';

export interface ExampleOutcome {
	store: EmulatorStore;
	/** JSON of the items the workflow's last node returned. */
	output: IDataObject[];
}

export interface ExampleExpectation {
	file: string;
	/** One line on what the run did, for people. */
	summary(outcome: ExampleOutcome): string;
	/** Problems found; empty when the example did what it promises. */
	problems(outcome: ExampleOutcome): string[];
}

function check(problems: string[], ok: boolean, problem: string) {
	if (!ok) problems.push(problem);
}

export const EXAMPLE_EXPECTATIONS: ExampleExpectation[] = [
	{
		file: '01-sync-new-user-with-company.json',
		summary: ({ store }) => {
			const user = store.users.get('u_1001');
			const group = store.groups.get('acme');
			return `user u_1001 ${JSON.stringify(user?.attributes)}; group acme ${JSON.stringify(group?.attributes)}; membership role ${String(
				[...store.memberships.values()].find((m) => m.user_id === 'u_1001')?.attributes.role,
			)}`;
		},
		problems: ({ store }) => {
			const problems: string[] = [];
			const user = store.users.get('u_1001');
			check(problems, user?.attributes.email === 'ava@example.com', 'u_1001 has no email ava@example.com');
			check(problems, user?.attributes.plan === 'pro', 'u_1001 has no plan pro');
			check(problems, typeof user?.attributes.signed_up_at === 'string', 'u_1001 has no signed_up_at');
			const group = store.groups.get('acme');
			check(problems, group?.attributes.name === 'Acme Inc', 'group acme is not named Acme Inc');
			check(problems, group?.attributes.seats === 5, 'group acme seats is not the number 5');
			const membership = [...store.memberships.values()].find((m) => m.user_id === 'u_1001' && m.group_id === 'acme');
			check(problems, membership?.attributes.role === 'admin', 'u_1001 is not an admin member of acme');
			return problems;
		},
	},
	{
		file: '02-track-product-event.json',
		summary: ({ store }) => {
			const events = store.events.filter((e) => e.name === 'document_created');
			return `${events.length} document_created event(s), last ${JSON.stringify(events.at(-1)?.attributes)}`;
		},
		problems: ({ store }) => {
			const problems: string[] = [];
			const events = store.events.filter((e) => e.name === 'document_created' && e.user_id === 'u_1001');
			check(problems, events.length === 1, `expected 1 document_created event for u_1001, found ${events.length}`);
			check(problems, events[0]?.group_id === 'acme', 'the event is not tied to group acme');
			check(problems, events[0]?.attributes.pages === 12, 'the event attribute pages is not the number 12');
			return problems;
		},
	},
	{
		file: '03-backfill-users-from-list.json',
		summary: ({ store, output }) => {
			const backfilled = [...store.users.keys()].filter((id) => id.startsWith('legacy_')).length;
			return `${backfilled} users backfilled, ${output.length} items out`;
		},
		problems: ({ store, output }) => {
			const problems: string[] = [];
			for (let i = 1; i <= 250; i++) {
				if (!store.users.has(`legacy_${i}`)) problems.push(`legacy_${i} is missing`);
			}
			check(problems, output.length === 250, `expected 250 output items, got ${output.length}`);
			const first = store.users.get('legacy_1')?.attributes;
			check(problems, first?.plan === 'free' && first?.logins === 0 && first?.beta_tester === true, 'legacy_1 lost its typed attributes');
			check(problems, first !== undefined && !('id' in first), 'the excluded id field became an attribute');
			return problems;
		},
	},
	{
		file: '04-weekly-export-of-users.json',
		summary: ({ output }) => `${output.length} rows exported, first ${JSON.stringify(output[0])}`,
		problems: ({ store, output }) => {
			const problems: string[] = [];
			check(problems, output.length === store.users.size, `exported ${output.length} rows for ${store.users.size} users`);
			const ids = new Set(output.map((row) => row.id));
			check(problems, ids.size === output.length, 'some users were exported twice');
			check(problems, output.some((row) => row.email === 'ava@example.com'), 'u_1001 is not in the export');
			return problems;
		},
	},
	{
		file: '05-react-to-completed-flows.json',
		summary: ({ output }) =>
			`${output.length} completion(s) counted: ${output.map((user) => `${String(user.id)} flows_completed=${String((user.attributes as IDataObject | undefined)?.flows_completed)}`).join(', ')}`,
		problems: ({ store, output }) => {
			const problems: string[] = [];
			const completers = COMPLETING_USERS;
			// Trigger runs started by n8n itself have no output to hand back: judge by the store,
			// where a second run per completion would show as flows_completed = 2.
			check(problems, output.length === 0 || output.length === completers.length, `expected ${completers.length} items, got ${output.length}`);
			for (const id of completers) {
				const attributes = store.users.get(id)?.attributes;
				check(problems, attributes?.flows_completed === 1, `${id}: flows_completed is not the number 1`);
				check(problems, attributes?.last_completed_flow === 'Welcome tour', `${id}: last_completed_flow is not "Welcome tour"`);
			}
			return problems;
		},
	},
	{
		file: '06-nightly-resync-skip-unchanged.json',
		summary: ({ output }) =>
			`${output.filter((item) => item._skipped === true).length} of ${output.length} users skipped as unchanged, ${output.filter((item) => item._skipped === false).length} sent`,
		problems: ({ store, output }) => {
			const problems: string[] = [];
			const changed = [1, 51, 101, 151, 201].map((n) => `legacy_${n}`);
			check(problems, output.length === 250, `expected 250 output items, got ${output.length}`);
			const sent = output.filter((item) => item._skipped === false).map((item) => String(item.id)).sort();
			check(problems, JSON.stringify(sent) === JSON.stringify([...changed].sort()), `sent ${JSON.stringify(sent)}, expected exactly the 5 changed users`);
			check(problems, output.filter((item) => item._skipped === true).length === 245, 'the 245 unchanged users were not all skipped');
			for (const id of changed) check(problems, store.users.get(id)?.attributes.plan === 'enterprise', `${id} did not get the enterprise plan`);
			const skipped = output.find((item) => item.id === 'legacy_2');
			check(problems, skipped?._skipped === true && (skipped?.attributes as IDataObject | undefined)?.plan === 'starter', 'legacy_2 is not output as Userflow holds it');
			return problems;
		},
	},
	{
		file: '07-record-survey-answers-and-completed-flows.json',
		summary: ({ store }) =>
			[...new Set(ENGAGEMENTS.map((e) => e.userId))]
				.map((id) => {
					const attributes = store.users.get(id)?.attributes ?? {};
					return `${id} engagements=${String(attributes.engagements)} last=${String(attributes.last_engagement)}`;
				})
				.join(', '),
		problems: ({ store, output }) => {
			const problems: string[] = [];
			const subscribed = ENGAGEMENTS.filter((e) => ENGAGEMENT_EVENTS.includes(e.event));
			// Started by n8n itself, the executions hand back no output: judge by the store,
			// where a second execution for one notification would count it twice.
			check(problems, output.length === 0 || output.length === subscribed.length, `expected ${subscribed.length} items, got ${output.length}`);
			for (const id of new Set(ENGAGEMENTS.map((e) => e.userId))) {
				const mine = subscribed.filter((e) => e.userId === id).map((e) => e.event);
				const attributes = store.users.get(id)?.attributes ?? {};
				if (mine.length === 0) {
					check(problems, attributes.engagements === undefined, `${id} did nothing subscribed to, but has engagements=${String(attributes.engagements)}`);
					continue;
				}
				check(problems, attributes.engagements === mine.length, `${id}: engagements is ${String(attributes.engagements)}, not ${mine.length}`);
				check(problems, mine.includes(String(attributes.last_engagement)), `${id}: last_engagement ${String(attributes.last_engagement)} is not one of ${mine.join(', ')}`);
				check(problems, typeof attributes.last_engagement_at === 'string', `${id}: no last_engagement_at`);
			}
			return problems;
		},
	},
];
