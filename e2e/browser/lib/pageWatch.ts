/**
 * Everything the page reports while the steps run: uncaught page errors, every request of
 * this package's own that failed, and the console (kept for failure dumps). Each event is
 * tagged with the step that was running, so a step fails for what happened during it.
 */
import type { HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';

/** The package's name as n8n spells it in URLs and node types (`n8n-nodes-userflow.userflow`). */
export const PACKAGE_NAME = 'n8n-nodes-userflow';
const CREDENTIAL_TYPE = 'userflowApi';

export interface PageErrorEvent {
	step: string;
	message: string;
}

export interface FailedRequestEvent {
	step: string;
	method: string;
	url: string;
	/** HTTP status, or 0 when the request failed at the network level. */
	status: number;
	detail: string;
}

export class PageWatch {
	readonly pageErrors: PageErrorEvent[] = [];
	readonly failedRequests: FailedRequestEvent[] = [];
	/** Off-origin requests naming the package (n8n asks the npm registry about it): logged, never the package's fault. */
	readonly ignoredRequests: FailedRequestEvent[] = [];
	readonly console: string[] = [];
	private step = 'sign in';

	constructor(
		page: Page,
		private readonly n8nOrigin: string,
	) {
		page.on('pageerror', (error) => {
			let message = error instanceof Error ? (error.stack ?? error.message) : String(error);
			// Code the suite runs in the page (waits, reads) shows up here too: say whose it is.
			if (message.includes('pptr:')) message = `in the suite's own page code, not n8n's: ${message}`;
			this.pageErrors.push({ step: this.step, message });
			this.console.push(`[${this.step}] PAGE ERROR ${message}`);
		});
		page.on('console', (message) => this.console.push(`[${this.step}] ${message.type()}: ${message.text()}`));
		page.on('response', (response) => this.onResponse(response));
		page.on('requestfailed', (request) => this.onRequestFailed(request));
	}

	/** Events from now on are attributed to this step. */
	enterStep(step: string): void {
		this.step = step;
		this.console.push(`----- ${step}`);
	}

	pageErrorsOf(step: string): PageErrorEvent[] {
		return this.pageErrors.filter((event) => event.step === step);
	}

	failedRequestsOf(step: string): FailedRequestEvent[] {
		return this.failedRequests.filter((event) => event.step === step);
	}

	consoleOf(step: string): string[] {
		return this.console.filter((line) => line.startsWith(`[${step}]`) || line === `----- ${step}`);
	}

	private onResponse(response: HTTPResponse): void {
		if (response.status() < 400) return;
		const request = response.request();
		this.record(request, response.status(), response.statusText());
	}

	private onRequestFailed(request: HTTPRequest): void {
		const errorText = request.failure()?.errorText ?? 'network failure';
		// A navigation away from a page cancels its pending requests: that is not a failure.
		if (errorText === 'net::ERR_ABORTED') return;
		this.record(request, 0, errorText);
	}

	private record(request: HTTPRequest, status: number, detail: string): void {
		if (!isPackagesOwn(request)) return;
		const event = { step: this.step, method: request.method(), url: request.url(), status, detail };
		this.console.push(`[${this.step}] FAILED REQUEST ${event.method} ${event.url}: ${status || ''} ${detail}`);
		if (new URL(request.url()).origin === this.n8nOrigin) this.failedRequests.push(event);
		else this.ignoredRequests.push(event);
	}
}

/**
 * A request of the package's own: anything naming it (icons, `/schemas/n8n-nodes-userflow...`,
 * `/types/...` of its nodes), n8n's node and credential type lists, and the editor's calls on
 * behalf of its nodes and credential (loadOptions, listSearch, credential test), which name the
 * node or credential type only in their body.
 */
function isPackagesOwn(request: HTTPRequest): boolean {
	const url = request.url();
	if (url.includes(PACKAGE_NAME)) return true;
	const path = new URL(url).pathname;
	if (path.startsWith('/types/')) return true;
	const onBehalfOfNode = path.startsWith('/rest/dynamic-node-parameters/') || path.startsWith('/rest/credentials/test');
	const body = request.postData() ?? '';
	return onBehalfOfNode && (body.includes(PACKAGE_NAME) || body.includes(CREDENTIAL_TYPE));
}
