/**
 * The node's parameters, read and checked once per call. A setting that cannot become a
 * valid subscription fails activation with a message naming the field, never silently
 * subscribing to less (or more) than what was asked.
 */
import { NodeOperationError, type IDataObject, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';

import { isValidEventName } from './eventNames';
import { SPECIFIC_EVENTS, TOPIC_EVENTS, topicsOf } from './events';

type Context = IHookFunctions | IWebhookFunctions;

export interface SubscriptionSettings {
	events: string[];
	/** Names of Specific Events (only when that event is selected). */
	eventNames: string[];
	/** What the subscription asks Userflow for: exactly the selection. */
	topics: string[];
}

export interface DeliverySettings extends SubscriptionSettings {
	/** Only When These Attributes Changed; empty = every update. */
	changedAttributes: string[];
	simplify: boolean;
}

const KNOWN_EVENTS: readonly string[] = [...TOPIC_EVENTS, SPECIFIC_EVENTS];

function fail(ctx: Context, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { description });
}

/** A resource locator's value, or a plain string (an expression may give either). */
function locatorValue(value: unknown): unknown {
	return typeof value === 'object' && value !== null && 'value' in value ? (value as IDataObject).value : value;
}

function readEventNames(ctx: Context): string[] {
	const collection = ctx.getNodeParameter('specificEvents', {}) as IDataObject;
	const entries = Array.isArray(collection.event) ? (collection.event as IDataObject[]) : [];
	const names: string[] = [];
	entries.forEach((entry, index) => {
		const name = locatorValue(entry.eventName);
		if (typeof name !== 'string' || name === '') {
			fail(ctx, `Specific Events: event ${index + 1} has no name`, 'Pick an event name from the list or type one, or remove the empty entry.');
		}
		if (!isValidEventName(name)) {
			fail(
				ctx,
				`Specific Events: '${name}' is not a Userflow event name`,
				'Event names contain no spaces or dots, e.g. flow_completed. They are case-sensitive.',
			);
		}
		names.push(name);
	});
	return [...new Set(names)];
}

export function readSubscriptionSettings(ctx: Context): SubscriptionSettings {
	const raw = ctx.getNodeParameter('events', []) as unknown;
	const events = Array.isArray(raw) ? raw.map(String) : [];
	if (events.length === 0) fail(ctx, 'Choose at least one event under Events', 'The subscription asks Userflow for exactly the events chosen.');
	const unknown = events.filter((event) => !KNOWN_EVENTS.includes(event));
	if (unknown.length > 0) fail(ctx, `Events: '${unknown.join("', '")}' is not an event this node knows`);
	const eventNames = events.includes(SPECIFIC_EVENTS) ? readEventNames(ctx) : [];
	if (events.includes(SPECIFIC_EVENTS) && eventNames.length === 0) {
		fail(ctx, 'Specific Events is chosen but names no event', 'Add the event names under Specific Events, or unselect it.');
	}
	return { events, eventNames, topics: topicsOf(events, eventNames) };
}

/** Names from the multi-select, or from an expression giving a list or a comma-separated text. */
function readChangedAttributes(ctx: Context): string[] {
	const raw = ctx.getNodeParameter('changedAttributes', []) as unknown;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
	return [...new Set(list.map((name) => String(name).trim()).filter((name) => name !== ''))];
}

export function readDeliverySettings(ctx: IWebhookFunctions): DeliverySettings {
	const subscription = readSubscriptionSettings(ctx);
	const changedAttributes = subscription.events.some((event) => event.endsWith('.updated')) ? readChangedAttributes(ctx) : [];
	return { ...subscription, changedAttributes, simplify: ctx.getNodeParameter('simplify', true) as boolean };
}
