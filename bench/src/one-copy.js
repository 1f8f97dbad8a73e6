/**
 * Preloaded with `node -r` before anything else: makes every `require('n8n-workflow')` and
 * `require('n8n-core')` in this process (the project's node classes and harness in ../, and
 * n8n-nodes-base in bench/node_modules) resolve to bench/node_modules. n8n checks errors with
 * `instanceof NodeApiError`; two copies of n8n-workflow would make those checks fail silently.
 * Plain JavaScript because it runs before ts-node is registered.
 */
'use strict';
const Module = require('node:module');
const path = require('node:path');

const BENCH_DIR = path.resolve(__dirname, '..');
const PINNED = ['n8n-workflow', 'n8n-core'];

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveOneCopy(request, parent, isMain, options) {
	const pinned = PINNED.some((name) => request === name || request.startsWith(`${name}/`));
	if (pinned) return originalResolve.call(this, request, parent, isMain, { paths: [BENCH_DIR] });
	return originalResolve.call(this, request, parent, isMain, options);
};
