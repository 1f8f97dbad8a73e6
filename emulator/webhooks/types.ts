/** Public types of the emulator's webhook delivery. */

/** Knobs for how the emulator delivers notifications (all optional; `configure()` changes them at runtime). */
export interface WebhookDeliveryOptions {
	/** Wait before the first attempt of each delivery, in ms; default 0. */
	delayMs?: number;
	/** Attempts per delivery, the first included; default 5. */
	maxAttempts?: number;
	/** Wait before the first retry, in ms; it doubles with every further retry (at most 30 s); default 200. */
	retryBaseMs?: number;
	/** An attempt without an answer after this many ms counts as failed; default 10,000. */
	timeoutMs?: number;
	/** 'valid' (default); 'wrong': signed with another secret; 'none': no Userflow-Signature header. */
	signature?: 'valid' | 'wrong' | 'none';
	/** Added to the signature's timestamp, in seconds: -600 sends stale signatures; default 0. */
	timestampOffsetSeconds?: number;
	/** After each successful delivery, send the same notification (same id) this many times again; default 0. */
	redeliveries?: number;
}

/** What Userflow POSTs to a subscription's URL. */
export interface WebhookNotification {
	id: string;
	object: 'webhook_notification';
	api_version: string;
	created_at: string;
	topic: string;
	data: {
		object: Record<string, unknown>;
		previous_attributes?: Record<string, unknown>;
		updated_attributes?: Record<string, unknown>;
	};
}

export interface DeliveryAttempt {
	/** Epoch ms when the attempt was sent. */
	at: number;
	/** The receiver's status; 0 when it did not answer (refused, reset, timed out). */
	status: number;
	/** Why there was no answer, e.g. `ECONNREFUSED` or `timeout`. */
	error?: string;
}

/** One notification on its way to one subscription. */
export interface DeliveryRecord {
	notification: WebhookNotification;
	subscriptionId: string;
	url: string;
	/** 0 for the first delivery, n for the n-th redelivery of the same notification. */
	redelivery: number;
	/** The exact bytes POSTed (the same on every attempt). */
	body: string;
	/** The Userflow-Signature header of the last attempt (absent with `signature: 'none'`). */
	signatureHeader?: string;
	attempts: DeliveryAttempt[];
	/** 'delivered' after a 2xx; 'failed' after the last attempt; 'cancelled' when the emulator closed first. */
	state: 'pending' | 'delivered' | 'failed' | 'cancelled';
}
