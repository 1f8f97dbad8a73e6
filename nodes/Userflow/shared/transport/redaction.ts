/**
 * Keeps the API key out of everything the package shows: removed by its actual value, not
 * only by the usual `ak_...` shape (a key may look different, and may sit inside a longer
 * text such as an echoed header or a URL).
 */
const KEY_SHAPE = /\bak_[A-Za-z0-9_-]+/g;
/** Shorter values would blank out ordinary words; real keys are far longer. */
const MIN_SECRET_LENGTH = 6;

export const REDACTED = '***';

export function redactSecrets(text: string, secrets: readonly string[] = []): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join(REDACTED);
	}
	return result.replace(KEY_SHAPE, `ak_${REDACTED}`);
}
