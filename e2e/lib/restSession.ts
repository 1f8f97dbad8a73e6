/**
 * n8n's own REST API (`/rest/...`), as the editor calls it, for what has no CLI equivalent
 * while `n8n start` runs: publishing and unpublishing a workflow in a running instance
 * (`n8n publish:workflow` / `unpublish:workflow` only write the database and take effect
 * after a restart). Signs in as the instance owner, created on first use.
 */

export const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-owner-password-1',
};

/** Bounds every request: a hung n8n fails the step instead of the suite. */
const REQUEST_TIMEOUT_MS = 30_000;
/** n8n answers /healthz before it is ready; /healthz/readiness only once it is fully started. */
const READY_TIMEOUT_MS = 120_000;

export class N8nRestSession {
	private cookie = '';
	// n8n binds its auth cookie to the browser that signed in; every request names the same one.
	private readonly browserId = 'e2e-browser';

	constructor(private readonly baseUrl: string) {}

	/** Creates the owner account (a fresh instance has none) and keeps its session cookie. */
	async setupOwner(): Promise<void> {
		await this.waitForRestApi();
		const response = await this.request('POST', '/rest/owner/setup', OWNER);
		const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (!setCookie) throw new Error(`POST /rest/owner/setup set no n8n-auth cookie: ${await response.text()}`);
		this.cookie = setCookie.split(';')[0];
	}

	/** What the editor's Publish button does: publishes the workflow's current version. */
	async publish(workflowId: string): Promise<void> {
		const workflow = (await this.json('GET', `/rest/workflows/${workflowId}`)) as { versionId: string };
		await this.json('POST', `/rest/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	}

	/** What the editor's Unpublish does. */
	async unpublish(workflowId: string): Promise<void> {
		await this.json('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	async isActive(workflowId: string): Promise<boolean> {
		const workflow = (await this.json('GET', `/rest/workflows/${workflowId}`)) as { active: boolean };
		return workflow.active;
	}

	private async waitForRestApi(): Promise<void> {
		const deadline = Date.now() + READY_TIMEOUT_MS;
		for (;;) {
			const status = await fetch(`${this.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then(
				(response) => response.status,
				() => 0,
			);
			if (status === 200) return;
			if (Date.now() > deadline) throw new Error(`n8n's REST API did not get ready within ${READY_TIMEOUT_MS / 1000} s (/healthz/readiness: last status ${status})`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	private async json(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await this.request(method, path, body);
		const payload = (await response.json()) as { data?: unknown };
		return payload.data;
	}

	private async request(method: string, path: string, body?: unknown): Promise<Response> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
		if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
		return response;
	}
}
