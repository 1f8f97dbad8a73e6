import { startEmulator, USERFLOW_VERSION, type EmulatorOptions, type UserflowEmulator } from '../../emulator';

export interface Reply {
	status: number;
	body: any;
	headers: Headers;
}

export interface CallOptions {
	method?: string;
	body?: unknown;
	/** Raw body text, sent as is (for malformed-JSON tests). */
	rawBody?: string;
	/** null: no Authorization header. */
	key?: string | null;
	headers?: Record<string, string>;
	/** false: leave out the Userflow-Version header. */
	version?: boolean;
}

/** Calls the emulator over real HTTP with Userflow's headers unless told otherwise. */
export async function call(emulator: UserflowEmulator, path: string, options: CallOptions = {}): Promise<Reply> {
	const headers: Record<string, string> = { ...options.headers };
	const key = options.key === undefined ? emulator.apiKey : options.key;
	if (key !== null) headers.Authorization = `Bearer ${key}`;
	if (options.version !== false) headers['Userflow-Version'] ??= USERFLOW_VERSION;
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const response = await fetch(`${emulator.baseUrl}${path}`, { method: options.method ?? 'GET', headers, body });
	const text = await response.text();
	return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

export const post = (emulator: UserflowEmulator, path: string, body: unknown, options: CallOptions = {}) =>
	call(emulator, path, { ...options, method: 'POST', body });

/** Starts a fresh emulator per test and closes it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): () => UserflowEmulator {
	let emulator: UserflowEmulator | undefined;
	beforeEach(async () => {
		emulator = await startEmulator(options);
	});
	afterEach(async () => {
		await emulator?.close();
		emulator = undefined;
	});
	return () => {
		if (!emulator) throw new Error('emulator not started');
		return emulator;
	};
}

/** Follows next_page_url from `firstPath` to the end, returning every id and the number of pages. */
export async function collectIds(emulator: UserflowEmulator, firstPath: string): Promise<{ ids: string[]; pages: number }> {
	const ids: string[] = [];
	let path: string | null = firstPath;
	let pages = 0;
	while (path) {
		const reply = await call(emulator, path);
		expect(reply.status).toBe(200);
		pages++;
		ids.push(...reply.body.data.map((item: { id: string }) => item.id));
		path = reply.body.has_more ? reply.body.next_page_url : null;
		if (pages > 1000) throw new Error('pagination does not end');
	}
	return { ids, pages };
}
