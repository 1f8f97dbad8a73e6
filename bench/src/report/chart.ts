/**
 * chart.svg, drawn by hand: (1) wall time against the floor N / rate for every variant and
 * limit, coloured by what arrived; (2) this node's requests per second over time, with its
 * 429s and its gate's rate, against the limit.
 */
import { UPSERT_VARIANTS } from '../config';
import type { BenchResults, UpsertRow } from '../results';

const WIDTH = 1000;
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
const COLOURS = { ok: '#2e9d5b', failed: '#d64541', duplicated: '#e69b23', stopped: '#8a8f98', limit: '#4a5dd6', grid: '#e3e5e8', text: '#23262b' };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** `attributes` may override the default size and colour. */
const text = (x: number, y: number, content: string, attributes = '') => {
	const size = attributes.includes('font-size=') ? '' : ' font-size="12"';
	const fill = attributes.includes('fill=') ? '' : ` fill="${COLOURS.text}"`;
	return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${FONT}${size}${fill} ${attributes}>${escape(content)}</text>`;
};

function outcomeOf(row: UpsertRow): { colour: string; label: string } {
	const m = row.metrics;
	const ratio = `${(row.wallMs / row.floorMs).toFixed(2)}×`;
	if (row.status === 'dnf') return { colour: COLOURS.stopped, label: `stopped at ${ratio}, ${m.stored}/${row.count} stored` };
	if (row.status !== 'success' || m.missing + m.storedWrong > 0) {
		return { colour: COLOURS.failed, label: `run failed after ${(row.wallMs / 1000).toFixed(1)} s: ${m.stored}/${row.count} stored${m.duplicated ? `, ${m.duplicated} written twice+` : ''}` };
	}
	if (m.duplicated > 0) return { colour: COLOURS.duplicated, label: `${ratio}, ${m.duplicated} written more than once` };
	const share = m.requests ? ` · 429s ${((m.rateLimited / m.requests) * 100).toFixed(1)} %` : '';
	return { colour: COLOURS.ok, label: `${ratio}${share}` };
}

function wallTimePanel(results: BenchResults, top: number): { svg: string; height: number } {
	const rows = results.upserts;
	const rates = results.config.rates;
	const variants = [...new Map(rows.map((row) => [row.variant, row])).values()];
	const left = 335;
	const plotWidth = 300;
	const barHeight = 13;
	const groupHeight = rates.length * (barHeight + 3) + 12;
	const maxRatio = Math.max(2, ...rows.map((row) => Math.min(3, row.wallMs / row.floorMs)));
	const x = (ratio: number) => left + (Math.min(ratio, maxRatio) / maxRatio) * plotWidth;
	const parts: string[] = [];
	parts.push(text(20, top, `Wall time ÷ floor (N / rate), N = ${results.config.count} user upserts, ${results.config.latencyMs} ms latency`, 'font-size="15" font-weight="600"'));
	const plotTop = top + 28;
	const plotHeight = variants.length * groupHeight;
	for (let tick = 0; tick <= maxRatio + 1e-9; tick += 0.5) {
		parts.push(`<line x1="${x(tick)}" y1="${plotTop - 4}" x2="${x(tick)}" y2="${plotTop + plotHeight}" stroke="${COLOURS.grid}"/>`);
		parts.push(text(x(tick), plotTop + plotHeight + 14, `${tick}×`, 'text-anchor="middle" font-size="11"'));
	}
	parts.push(`<line x1="${x(1.15)}" y1="${plotTop - 8}" x2="${x(1.15)}" y2="${plotTop + plotHeight}" stroke="${COLOURS.limit}" stroke-dasharray="4 3"/>`);
	parts.push(text(x(1.15) + 3, plotTop - 10, 'target 1.15×', `font-size="11" fill="${COLOURS.limit}"`));
	variants.forEach((variant, index) => {
		const groupTop = plotTop + index * groupHeight;
		const short = UPSERT_VARIANTS.find((entry) => entry.id === variant.variant)?.short ?? variant.label;
		parts.push(text(20, groupTop + 12, `${variant.number}. ${short}`, 'font-size="12"'));
		rates.forEach((rate, rateIndex) => {
			const row = rows.find((entry) => entry.variant === variant.variant && entry.rate === rate);
			const y = groupTop + rateIndex * (barHeight + 3);
			parts.push(text(left - 6, y + barHeight - 2, `${rate}/s`, 'text-anchor="end" font-size="11"'));
			if (!row) return;
			const { colour, label } = outcomeOf(row);
			const ratio = row.wallMs / row.floorMs;
			const width = Math.max(2, x(ratio) - left);
			parts.push(`<rect x="${left}" y="${y}" width="${width.toFixed(1)}" height="${barHeight}" fill="${colour}" rx="2"/>`);
			if (ratio > maxRatio) parts.push(text(x(maxRatio) - 4, y + barHeight - 2, '»', 'text-anchor="end" fill="#fff"'));
			parts.push(text(left + width + 6, y + barHeight - 2, label, 'font-size="11"'));
		});
	});
	const legendY = plotTop + plotHeight + 34;
	const legend: Array<[string, string]> = [
		[COLOURS.ok, 'every user stored exactly once'],
		[COLOURS.duplicated, 'all stored, some written more than once'],
		[COLOURS.failed, 'run failed, users missing'],
		[COLOURS.stopped, 'stopped at the time bound'],
	];
	legend.forEach(([colour, label], index) => {
		const lx = 20 + index * 250;
		parts.push(`<rect x="${lx}" y="${legendY - 10}" width="12" height="12" fill="${colour}" rx="2"/>`);
		parts.push(text(lx + 18, legendY, label, 'font-size="11"'));
	});
	return { svg: parts.join('\n'), height: legendY - top + 20 };
}

function timelinePanel(row: UpsertRow, top: number, left: number, width: number): string {
	const buckets = row.metrics.timeline;
	const height = 150;
	const parts: string[] = [];
	parts.push(text(left, top, `${row.number}. Userflow node (${row.variant === 'userflow-default' ? 'defaults' : 'max rate set'}), limit ${row.rate}/s: requests per second`, 'font-size="13" font-weight="600"'));
	if (!buckets.length) return parts.join('\n');
	const plotTop = top + 16;
	const seconds = buckets.length;
	const maxY = Math.max(row.rate * 1.5, ...buckets.map((bucket) => bucket.sent), ...row.gateRates.map((sample) => sample.rate)) * 1.05;
	const x = (second: number) => left + (second / seconds) * width;
	const y = (value: number) => plotTop + height - (Math.min(value, maxY) / maxY) * height;
	parts.push(`<rect x="${left}" y="${plotTop}" width="${width}" height="${height}" fill="none" stroke="${COLOURS.grid}"/>`);
	const barWidth = Math.max(1, width / seconds - 1);
	for (const bucket of buckets) {
		parts.push(`<rect x="${x(bucket.second).toFixed(1)}" y="${y(bucket.accepted).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(plotTop + height - y(bucket.accepted)).toFixed(1)}" fill="${COLOURS.ok}" opacity="0.75"/>`);
		if (bucket.rateLimited) {
			parts.push(`<rect x="${x(bucket.second).toFixed(1)}" y="${(y(bucket.accepted) - (plotTop + height - y(bucket.rateLimited))).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(plotTop + height - y(bucket.rateLimited)).toFixed(1)}" fill="${COLOURS.failed}"/>`);
		}
	}
	parts.push(`<line x1="${left}" y1="${y(row.rate)}" x2="${left + width}" y2="${y(row.rate)}" stroke="${COLOURS.limit}" stroke-dasharray="4 3"/>`);
	parts.push(text(left + width - 4, y(row.rate) - 4, `limit ${row.rate}/s`, `text-anchor="end" font-size="10" fill="${COLOURS.limit}"`));
	if (row.gateRates.length) {
		// Gate samples are timed from the workflow start; the buckets from the child's start signal (a few ms apart).
		const points = row.gateRates.map((sample) => `${x(sample.t / 1000).toFixed(1)},${y(sample.rate).toFixed(1)}`).join(' ');
		parts.push(`<polyline points="${points}" fill="none" stroke="#111" stroke-width="1.2"/>`);
	}
	parts.push(text(left, plotTop + height + 14, '0 s', 'font-size="10"'));
	parts.push(text(left + width, plotTop + height + 14, `${seconds} s`, 'text-anchor="end" font-size="10"'));
	parts.push(text(left + 4, plotTop + 12, `${Math.round(maxY)}/s`, 'font-size="10"'));
	return parts.join('\n');
}

export function renderChart(results: BenchResults): string {
	const parts: string[] = [];
	let y = 30;
	parts.push(text(20, y, `Userflow bulk sync benchmark — ${results.machine.date.slice(0, 10)}, ${results.machine.cores} cores, Node ${results.machine.node}, n8n-core ${results.machine.versions['n8n-core']}`, 'font-size="13" fill="#555"'));
	y += 30;
	if (results.upserts.length) {
		const panel = wallTimePanel(results, y);
		parts.push(panel.svg);
		y += panel.height + 20;
	}
	const timelines = results.upserts.filter((row) => row.variant === 'userflow-default');
	if (timelines.length) {
		const width = (WIDTH - 60 - 40 * (timelines.length - 1)) / timelines.length;
		timelines.forEach((row, index) => parts.push(timelinePanel(row, y, 30 + index * (width + 40), width)));
		y += 190;
		parts.push(`<rect x="30" y="${y - 10}" width="12" height="10" fill="${COLOURS.ok}" opacity="0.75"/>`);
		parts.push(text(48, y, 'accepted', 'font-size="11"'));
		parts.push(`<rect x="120" y="${y - 10}" width="12" height="10" fill="${COLOURS.failed}"/>`);
		parts.push(text(138, y, '429', 'font-size="11"'));
		parts.push(`<line x1="180" y1="${y - 4}" x2="200" y2="${y - 4}" stroke="#111" stroke-width="1.2"/>`);
		parts.push(text(206, y, "the node's gate rate (requests/s it paces to)", 'font-size="11"'));
		y += 20;
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}">\n<rect width="100%" height="100%" fill="#fff"/>\n${parts.join('\n')}\n</svg>\n`;
}
