/** What every browser step gets: the page (through Ui and Ndv), the emulator, where n8n runs, and the screenshots. */
import type { UserflowEmulator } from '../../../emulator';
import type { Artifacts } from '../lib/artifacts';
import type { PackageFacts } from '../lib/packageFacts';
import type { Ui } from '../lib/ui';
import type { Ndv } from '../editor/ndv';

export interface StepContext {
	ui: Ui;
	ndv: Ndv;
	emulator: UserflowEmulator;
	n8nUrl: string;
	facts: PackageFacts;
	artifacts: Artifacts;
	/** A screenshot of the whole window into the artifacts folder. */
	shot(name: string): Promise<void>;
	/** The open NDV (or `selector`) alone, for the README's "In the editor" section. */
	panelShot(docsName: string, selector?: string): Promise<void>;
}
