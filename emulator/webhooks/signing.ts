/**
 * Userflow's signature: `Userflow-Signature: t=<unix seconds>,v1=<hex>`, where
 * v1 = HMAC-SHA256(secret, "<t>.<raw body>").
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Userflow-Signature';

export function signatureOf(secret: string, timestampSeconds: number, body: string): string {
	return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
	return `t=${timestampSeconds},v1=${signatureOf(secret, timestampSeconds, body)}`;
}
