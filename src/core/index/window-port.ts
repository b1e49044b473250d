import type { NoteInput } from '../text/passage';
import { indexWindow, type WindowEngine, type WindowHooks, type WindowOutcome } from './index-window';
import type { RunChange } from './run-control';

export interface WindowControl extends WindowHooks {
	/** Pause, resume and cancel as they happen, for a window that runs elsewhere (the worker). */
	watch: (listener: (change: RunChange) => void) => () => void;
}

/**
 * How the indexer gets a window of notes chunked and embedded: in the plugin the worker client
 * sends it to the worker in one request, in the CLI and tests `localWindows` runs it in-process.
 */
export type WindowIndexer = (notes: NoteInput[], control: WindowControl) => Promise<WindowOutcome>;

export function localWindows(engine: WindowEngine): WindowIndexer {
	return (notes, control) => indexWindow(notes, engine, control);
}
