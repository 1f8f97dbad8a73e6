/** One Skip Unchanged variant, in the child process: send the case's rows, count what was skipped. */
import type { IDataObject } from 'n8n-workflow';

import type { ChildJob, UpsertOutcome } from '../protocol';
import { httpRequestUpsertNode } from '../variants/httpRequestNode';
import { errorMessageOf, runAction } from '../variants/n8nEngine';
import { userflowCredentials } from '../variants/userflowNode';
import { inputRows } from './cases';
import { userflowSyncNode } from './node';

export async function runSkipJob(job: Extract<ChildJob, { kind: 'skip' }>): Promise<UpsertOutcome> {
	const rows = inputRows(job.skipCase) as unknown as IDataObject[];
	const rate = job.ratePerSecond;
	const action = (() => {
		switch (job.variant) {
			case 'userflow-skip':
				return userflowSyncNode(true);
			case 'userflow-skip-max-rate':
				return userflowSyncNode(true, rate);
			case 'userflow-no-skip':
				return userflowSyncNode(false);
			case 'http-batching':
				return httpRequestUpsertNode({
					baseUrl: job.baseUrl,
					apiKey: job.apiKey,
					batching: { batchSize: 1, batchInterval: Math.ceil(1000 / rate) },
				});
		}
	})();
	const run = await runAction(action, rows, userflowCredentials(job.baseUrl, job.apiKey));
	const errorItems = run.output.filter((item) => item.json.error !== undefined || item.error !== undefined).length;
	return {
		kind: 'upsert',
		status: run.result.status === 'success' ? 'success' : 'error',
		wallMs: run.wallMs,
		okItems: run.output.length - errorItems,
		errorItems,
		errorMessage: errorMessageOf(run.result),
		gateRates: [],
		skippedItems: run.output.filter((item) => item.json._skipped === true).length,
	};
}
