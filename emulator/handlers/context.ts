import type { ApiRequest } from '../request';
import type { EmulatorStore } from '../store';

export interface ApiResponse {
	status: number;
	body: unknown;
}

export type Handler = (request: ApiRequest, store: EmulatorStore) => ApiResponse;

export const ok = (body: unknown): ApiResponse => ({ status: 200, body });

/**
 * DELETE answers 200 `{"object": "deleted", "id", "deleted": true}` (the first seed document's
 * shape). The contract calls the real answer unknown, so clients must not depend on it.
 */
export const deleted = (id: string): ApiResponse => ok({ object: 'deleted', id, deleted: true });
