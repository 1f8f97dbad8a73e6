// tsc only emits JavaScript (and what tsconfig happens to include): node and credential
// icons, the codex files (*.node.json) and the output schemas n8n's editor previews
// (nodes/*/__schema__, see schemas/generate.ts) are copied next to the compiled files,
// where n8n looks for them.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

function copyOutputSchemas() {
	return src('nodes/**/__schema__/**/*.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = parallel(copyIcons, copyCodex, copyOutputSchemas);
