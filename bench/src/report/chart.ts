/** chart.svg: placeholder until the chart is drawn. */
import type { BenchResults } from '../results';

export function renderChart(_results: BenchResults): string {
	return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n';
}
