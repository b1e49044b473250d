import { Platform, SuggestModal, type App, type MarkdownView } from 'obsidian';
import { explainEmpty } from '../../core/search/explain';
import type { SearchResult } from '../../core/search/types';
import { userMessage } from '../runtime/errors';
import { insertLink, openAtPassage } from './navigate';
import type { SearchPort } from '../runtime/ports';
import { renderResult } from './result-row';

/** Typing pauses shorter than this do not start a search: each search embeds the query. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Search by meaning. Enter opens the note at the best passage; Mod+Enter inserts a link to it
 * into the editor that was active when the modal opened.
 */
export class SemanticSearchModal extends SuggestModal<SearchResult> {
	private timer: number | undefined;
	/** Every caller of a superseded query gets the newest answer, so no stale list is shown. */
	private waiting: ((results: SearchResult[]) => void)[] = [];
	private insertOnChoose = false;

	constructor(
		app: App,
		private readonly searchPort: SearchPort,
		private readonly editorView: MarkdownView | null,
		private readonly debounceMs = SEARCH_DEBOUNCE_MS,
	) {
		super(app);
		this.setPlaceholder('Search notes by meaning…');
		const mod = Platform.isMacOS ? '⌘' : 'Ctrl';
		this.setInstructions([
			{ command: '↑↓', purpose: 'to navigate' },
			{ command: '↵', purpose: 'to open at the passage' },
			{ command: `${mod} ↵`, purpose: 'to insert a link' },
			{ command: 'esc', purpose: 'to dismiss' },
		]);
		this.emptyStateText = explainEmpty('empty-query');
		this.scope.register(['Mod'], 'Enter', (evt) => {
			this.insertOnChoose = true;
			this.selectActiveSuggestion(evt);
			return false;
		});
	}

	getSuggestions(query: string): Promise<SearchResult[]> {
		if (query.trim() === '') {
			// A query typed and cleared within the debounce must not still be embedded and answered.
			window.clearTimeout(this.timer);
			this.emptyStateText = explainEmpty('empty-query');
			this.flush([]);
			return Promise.resolve([]);
		}
		return new Promise((resolve) => {
			this.waiting.push(resolve);
			window.clearTimeout(this.timer);
			this.timer = window.setTimeout(() => void this.run(query), this.debounceMs);
		});
	}

	private async run(query: string): Promise<void> {
		try {
			const answer = await this.searchPort.search(query);
			if (answer.reason) this.emptyStateText = explainEmpty(answer.reason, { subject: query, threshold: this.searchPort.threshold });
			this.flush(answer.results);
		} catch (error) {
			this.emptyStateText = userMessage(error);
			this.flush([]);
		}
	}

	private flush(results: SearchResult[]): void {
		const waiting = this.waiting;
		this.waiting = [];
		for (const resolve of waiting) resolve(results);
	}

	renderSuggestion(result: SearchResult, el: HTMLElement): void {
		renderResult(el, result);
	}

	onChooseSuggestion(result: SearchResult): void {
		if (this.insertOnChoose) {
			this.insertOnChoose = false;
			insertLink(this.app, this.editorView, result);
			return;
		}
		void openAtPassage(this.app, result);
	}

	onClose(): void {
		window.clearTimeout(this.timer);
		this.flush([]);
		super.onClose();
	}
}
