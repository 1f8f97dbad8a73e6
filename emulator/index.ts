/** The Userflow REST API emulator: see emulator/README.md. */
export { startEmulator, DEFAULT_API_KEY, type RequestListener, type UserflowEmulator } from './server';
export { EmulatorStore, membershipKey, type TimeInput } from './store';
export type {
	SeedOptions,
	ContentSeedOptions,
	ContentSessionSeedOptions,
	AttributeDefinitionSeed,
	EventDefinitionSeed,
} from './seed';
export { USERFLOW_VERSION } from './version';
export { formatTimestamp } from './time';
export * from './types';
export type { DeliveryAttempt, DeliveryRecord, WebhookDeliveryOptions, WebhookNotification } from './webhooks/types';
export type { WebhookDispatcher } from './webhooks/dispatcher';
export { signatureHeader, signatureOf, SIGNATURE_HEADER } from './webhooks/signing';
