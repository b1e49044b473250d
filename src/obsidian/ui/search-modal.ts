import { Keymap, Platform, SuggestModal, type App, type HoverParent, type MarkdownView } from 'obsidian';
import type { PassageAnswer } from '../../core/answer/types';
import { explainEmpty } from '../../core/search/explain';
import type { WordMatch } from '../../core/search/lexical-index';
import type { SearchResult } from '../../core/search/types';
import { userMessage } from '../runtime/errors';
import { insertLink, openAtPassage } from './navigate';
import type { SearchAnswer, SearchPort } from '../runtime/ports';
import { previewOnHover } from './hover-preview';
import { renderResult, showAnswer } from './result-row';
import { renderSectionHeading, renderWordMatch } from './word-match-row';

/** A row of the modal: a result by meaning, or a note of the "Contains your words" section after them. */
type Row = SearchResult | WordMatch;

const isWordMatch = (row: Row): row is WordMatch => 'words' in row;

/** Typing pauses shorter than this do not start a search: each search embeds the query. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Search by meaning, with the keys users know from Obsidian's quick switcher and Omnisearch:
 * Enter opens the note at the best passage, Mod+Enter opens it in a new tab, Alt+Enter inserts a
 * link to it into the editor that was active when the modal opened. What to do is decided from
 * the event that chose the result, so nothing pressed earlier (e.g. on an empty list) carries over.
 */
export class SemanticSearchModal extends SuggestModal<Row> {
	/** Owns the page previews of the results (a modal is not a view, so it keeps its own). */
	private readonly hoverParent: HoverParent = { hoverPopover: null };
	private timer: number | undefined;
	/** Every caller of a superseded query gets the newest answer, so no stale list is shown. */
	private waiting: ((rows: Row[]) => void)[] = [];
	/** The first row of the keyword section, which carries its heading, and why no result is above it (if none is). */
	private sectionStart: { row: WordMatch; note?: string } | undefined;
	/**
	 * Bumped by every keystroke and by closing: answers found for an older query are dropped.
	 * Field names here are distinct on purpose: a subclass field silently replaces a SuggestModal field
	 * of the same name (the e2e host's has `generation`; Obsidian's own are undocumented).
	 */
	private answerRound = 0;
	/** The current results' rows and the answers found for them so far. */
	private readonly answerRows = new Map<SearchResult, HTMLElement>();
	private readonly answersFound = new Map<SearchResult, PassageAnswer>();

	constructor(
		app: App,
		private readonly searchPort: SearchPort,
		private readonly editorView: MarkdownView | null,
		private readonly debounceMs = SEARCH_DEBOUNCE_MS,
	) {
		super(app);
		this.setPlaceholder('Search notes by meaning…');
		const mod = Platform.isMacOS ? '⌘' : 'Ctrl';
		const alt = Platform.isMacOS ? '⌥' : 'Alt';
		this.setInstructions([
			{ command: '↑↓', purpose: 'to navigate' },
			{ command: '↵', purpose: 'to open' },
			{ command: `${mod} ↵`, purpose: 'to open in a new tab' },
			{ command: `${alt} ↵`, purpose: 'to insert a link' },
			{ command: 'esc', purpose: 'to dismiss' },
		]);
		this.emptyStateText = explainEmpty('empty-query');
		// A scope handler matches its modifiers exactly: plain Enter is the modal's own.
		for (const modifiers of [['Mod'], ['Alt']] as const) {
			this.scope.register([...modifiers], 'Enter', (evt) => {
				this.selectActiveSuggestion(evt);
				return false;
			});
		}
	}

	getSuggestions(query: string): Promise<Row[]> {
		this.answerRound++;
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
		const round = this.answerRound;
		try {
			const answer = await this.searchPort.search(query);
			const why = answer.reason && explainEmpty(answer.reason, { subject: query, threshold: this.searchPort.threshold });
			if (why) this.emptyStateText = why;
			// Never mixed: the section's rows come after every result by meaning, under their own heading.
			const words = answer.containsWords ?? [];
			this.sectionStart = words.length > 0 ? { row: words[0], note: why } : undefined;
			this.answerRows.clear();
			this.answersFound.clear();
			this.flush([...answer.results, ...words]);
			// The rows are shown first; their answers fill in as they are found.
			void this.findAnswers(round, answer);
		} catch (error) {
			this.emptyStateText = userMessage(error);
			this.flush([]);
		}
	}

	private flush(rows: Row[]): void {
		const waiting = this.waiting;
		this.waiting = [];
		for (const resolve of waiting) resolve(rows);
	}

	/**
	 * Finds each row's answer, best row first and one row at a time, so a new query waits for one
	 * row's sentences at most; stops as soon as a keystroke or closing makes the answers stale.
	 */
	private async findAnswers(round: number, answer: SearchAnswer): Promise<void> {
		const { query } = answer;
		const find = this.searchPort.findAnswer?.bind(this.searchPort);
		if (query === undefined || find === undefined) return;
		for (const result of answer.results) {
			if (round !== this.answerRound) return;
			// Without an answer (note gone, worker stopped) a row keeps its plain snippet; the next search reports real failures.
			const found = await find(query, result).catch(() => undefined);
			if (round !== this.answerRound) return;
			if (found === undefined) continue;
			this.answersFound.set(result, found);
			const row = this.answerRows.get(result);
			if (row) showAnswer(row, found);
		}
	}

	renderSuggestion(row: Row, el: HTMLElement): void {
		if (isWordMatch(row)) {
			if (row === this.sectionStart?.row) renderSectionHeading(el, this.sectionStart.note);
			renderWordMatch(el, row);
		} else {
			renderResult(el, row);
			this.answerRows.set(row, el);
			const found = this.answersFound.get(row);
			if (found) showAnswer(el, found);
		}
		previewOnHover(this.app, el, row, this.hoverParent);
	}

	/** An Enter that commits an IME composition (CJK input) belongs to the input, not the list. */
	selectSuggestion(row: Row, evt: MouseEvent | KeyboardEvent): void {
		if ('isComposing' in evt && evt.isComposing) return;
		super.selectSuggestion(row, evt);
	}

	/** Rows of either kind open, open in a new tab and insert a link alike. */
	onChooseSuggestion(result: Row, evt: MouseEvent | KeyboardEvent): void {
		const pane = Keymap.isModEvent(evt);
		if (pane === false && evt.altKey) {
			insertLink(this.app, this.editorView, result);
			return;
		}
		void openAtPassage(this.app, result, pane);
	}

	onClose(): void {
		this.answerRound++;
		window.clearTimeout(this.timer);
		this.flush([]);
		super.onClose();
	}
}
