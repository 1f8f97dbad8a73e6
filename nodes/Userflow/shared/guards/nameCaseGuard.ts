import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { resolveBaseUrl } from '../transport/baseUrl';
import { readListAnswer } from '../transport/listAnswer';
import { PageWalk } from '../transport/pageWalk';
import { CREDENTIAL_TYPE, userflowApiRequest } from '../transport/userflowRequest';
import { invalidInput, NOTHING_SENT, operationError } from '../validation/invalidInput';
import { findCaseMismatch } from './caseMismatch';
import { cachedDefinitions, credentialFingerprint } from './definitionsCache';

export type AttributeScope = 'user' | 'group' | 'group_membership' | 'event';

/** The "Check Name Case" option; on unless the user turns it off. */
export const CHECK_NAME_CASE_OPTION: INodeProperties = {
	displayName: 'Check Name Case',
	name: 'checkNameCase',
	type: 'boolean',
	default: true,
	description:
		'Whether to fail the item when a name differs only in letter case from one Userflow already knows (names are case-sensitive, so such a typo fails silently)',
};

function checkEnabled(ctx: IExecuteSingleFunctions): boolean {
	const options = ctx.getNodeParameter('options', {}) as { checkNameCase?: boolean };
	return options.checkNameCase !== false;
}

/** A name Userflow knows and, for attributes, its data type. */
interface KnownDefinition {
	name: string;
	dataType?: string;
}

/** A definitions list longer than this (100 pages) is not read to its end. */
export const MAX_DEFINITION_PAGES = 100;

async function listAllDefinitions(ctx: IExecuteSingleFunctions, url: string, qs: IDataObject): Promise<KnownDefinition[]> {
	const names: KnownDefinition[] = [];
	const walk = new PageWalk(
		MAX_DEFINITION_PAGES,
		(pages) => `Userflow listed more than ${pages * 100} definitions without reaching the end`,
	);
	let startingAfter: string | undefined;
	do {
		const answer = await userflowApiRequest(
			ctx,
			{ method: 'GET', url, qs: { ...qs, limit: 100, ...(startingAfter ? { starting_after: startingAfter } : {}) } },
			{ itemIndex: ctx.getItemIndex() },
		);
		const page = readListAnswer(answer);
		for (const definition of page.data) {
			if (typeof definition.name !== 'string') continue;
			names.push({ name: definition.name, dataType: typeof definition.data_type === 'string' ? definition.data_type : undefined });
		}
		startingAfter = walk.next(page, startingAfter);
	} while (startingAfter !== undefined);
	return names;
}

/**
 * The lookup is shared by every item of the execution; its failure becomes each item's own
 * error, saying that the check (not the write) failed and how to go on without it.
 */
function lookupFailed(ctx: IExecuteSingleFunctions, failure: unknown, what: string): Error {
	const reason = failure instanceof Error ? failure.message : String(failure);
	// What the lookup's own error advises (the key, the network, a certificate) comes first:
	// turning the check off would only move the same failure to the write.
	const advice = failure instanceof NodeApiError && failure.description ? ` ${failure.description}` : '';
	const description = `${NOTHING_SENT}${advice} The letter-case check reads Userflow's ${what} first; turn off "Check Name Case" under Options to send without it.`;
	if (failure instanceof NodeApiError && failure.httpCode) {
		return new NodeApiError(ctx.getNode(), {}, {
			message: `Could not check the name's letter case: the lookup of Userflow's ${what} failed (${reason})`,
			description,
			httpCode: failure.httpCode,
			itemIndex: ctx.getItemIndex(),
		});
	}
	return operationError(ctx, `Could not check the name's letter case: the lookup of Userflow's ${what} failed (${reason})`, description);
}

async function knownDefinitions(
	ctx: IExecuteSingleFunctions,
	what: 'event' | AttributeScope,
	isEvent: boolean,
): Promise<KnownDefinition[]> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const fingerprint = credentialFingerprint(resolveBaseUrl(credentials), String(credentials.apiKey ?? ''));
	const key = `${ctx.getExecutionId()}:${fingerprint}:${isEvent ? 'events' : `attributes:${what}`}`;
	const label = isEvent ? 'event definitions' : 'attribute definitions';
	try {
		return await cachedDefinitions(key, async () =>
			isEvent
				? await listAllDefinitions(ctx, '/event_definitions', {})
				: await listAllDefinitions(ctx, '/attribute_definitions', { scope: what }),
		);
	} catch (error) {
		throw lookupFailed(ctx, error, label);
	}
}

async function knownNames(ctx: IExecuteSingleFunctions, what: 'event' | AttributeScope, isEvent: boolean): Promise<string[]> {
	return (await knownDefinitions(ctx, what, isEvent)).map((definition) => definition.name);
}

/**
 * Userflow's data type of each attribute it knows in a scope (Type "Auto"), from the same
 * one lookup per execution the letter-case guard uses.
 */
export async function attributeDataTypes(ctx: IExecuteSingleFunctions, scope: AttributeScope): Promise<Map<string, string>> {
	const types = new Map<string, string>();
	for (const { name, dataType } of await knownDefinitions(ctx, scope, false)) if (dataType) types.set(name, dataType);
	return types;
}

function mismatchMessage(kind: string, given: string, known: string): string {
	return (
		`'${given}' differs only in letter case from the ${kind} '${known}' that Userflow already knows. ` +
		`Names are case-sensitive: use '${known}', or turn off "Check Name Case" under Options if '${given}' is meant to be new.`
	);
}

/** Fails the item when `eventName` collides in letter case with a known event. */
export async function guardEventNameCase(ctx: IExecuteSingleFunctions, eventName: string, field: string): Promise<void> {
	if (!checkEnabled(ctx)) return;
	const known = findCaseMismatch(eventName, await knownNames(ctx, 'event', true));
	if (known !== undefined) throw invalidInput(ctx, field, mismatchMessage('event', eventName, known));
}

/** Fails the item when an attribute name collides in letter case with a known one of its scope. */
export async function guardAttributeNamesCase(
	ctx: IExecuteSingleFunctions,
	scope: AttributeScope,
	attributes: IDataObject | undefined,
	label: string,
): Promise<void> {
	const names = Object.keys(attributes ?? {});
	if (names.length === 0 || !checkEnabled(ctx)) return;
	const definitions = await knownNames(ctx, scope, false);
	for (const name of names) {
		const known = findCaseMismatch(name, definitions);
		if (known !== undefined) throw invalidInput(ctx, `${label} › ${name}`, mismatchMessage('attribute', name, known));
	}
}
