/** Errors answered in Userflow's shape: `{"error": {"code", "message"}}`. */

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}

	toBody(): { error: { code: string; message: string } } {
		return { error: { code: this.code, message: this.message } };
	}
}

export const invalidParams = (message: string) => new ApiError(400, 'invalid_params', message);
export const invalidRequest = (message: string) => new ApiError(400, 'invalid_request', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const unauthorized = () =>
	new ApiError(401, 'unauthorized', 'Invalid or missing API key. Send it as `Authorization: Bearer <key>`.');

/** The message Userflow gives for an id that does not exist, e.g. "User with id 'u1' not found". */
export const noSuchObject = (label: string, id: string) => `${label} with id '${id}' not found`;
