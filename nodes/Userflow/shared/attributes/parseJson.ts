export type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** JSON.parse that answers instead of throwing, so callers can raise their own error. */
export function parseJson(text: string): JsonParseResult {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, reason: (error as Error).message };
	}
}
