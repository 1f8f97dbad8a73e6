/**
 * Userflow signs every notification: `Userflow-Signature: t=<unix seconds>,v1=<hex>`, where
 * v1 = HMAC-SHA256(secret, "<t>.<raw body>"). Checked on the raw bytes as received (so a
 * proxy that only adds headers changes nothing), in constant time, accepting any of several
 * v1 values (Userflow may send more than one, e.g. while rotating secrets), and only within
 * a few minutes of the signing time, so a recorded delivery cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'userflow-signature';

/** How far the signature's time may be from ours, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck =
	| { valid: true }
	| { valid: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

interface ParsedHeader {
	timestamp: string;
	signatures: Buffer[];
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

function parseHeader(header: string): ParsedHeader | undefined {
	let timestamp: string | undefined;
	const signatures: Buffer[] = [];
	for (const part of header.split(',')) {
		const at = part.indexOf('=');
		if (at < 0) continue;
		const key = part.slice(0, at).trim();
		const value = part.slice(at + 1).trim();
		if (key === 't') timestamp = value;
		// Unknown schemes (v0, v2, ...) are ignored, as Userflow's clients must.
		if (key === 'v1' && HEX_SHA256.test(value)) signatures.push(Buffer.from(value, 'hex'));
	}
	if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) return undefined;
	return { timestamp, signatures };
}

export function checkSignature(
	header: string | string[] | undefined,
	rawBody: Buffer,
	secret: string,
	nowMs: number,
): SignatureCheck {
	const text = Array.isArray(header) ? header.join(',') : header;
	if (!text) return { valid: false, reason: 'missing' };
	const parsed = parseHeader(text);
	if (!parsed) return { valid: false, reason: 'malformed' };
	const expected = createHmac('sha256', secret)
		.update(`${parsed.timestamp}.`)
		.update(rawBody)
		.digest();
	// Every candidate is compared, so the time taken does not tell which one matched.
	let matched = false;
	for (const candidate of parsed.signatures) {
		if (timingSafeEqual(candidate, expected)) matched = true;
	}
	if (!matched) return { valid: false, reason: 'mismatch' };
	if (Math.abs(nowMs / 1000 - Number(parsed.timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { valid: false, reason: 'stale' };
	return { valid: true };
}
