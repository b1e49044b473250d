/**
 * Draws what the screenshot shows: the search modal and the related-notes view, each built the
 * way the plugin builds it (SuggestModal rows and RelatedNotesView.showResults, rows filled by the
 * plugin's renderResult), inside a minimal copy of Obsidian's chrome (obsidian-theme.css).
 */
import type { SearchOutcome } from '../../src/core/search/query';
import type { SearchResult } from '../../src/core/search/types';

export interface SceneInfo {
	/** One line per fact shown above the panes (notes indexed, re-embedded on reload, long tasks). */
	lines: string[];
}

export interface Scene {
	query: string;
	relatedPath: string;
	search: SearchOutcome;
	related: SearchOutcome;
	info: SceneInfo;
	renderResult: (el: HTMLElement, result: SearchResult) => void;
	explain: (outcome: SearchOutcome) => string;
}

function noteName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
}

/** Obsidian's SuggestModal markup: prompt input, result list, instructions. */
function searchModal(parent: HTMLElement, s: Scene): void {
	const modal = parent.createDiv({ cls: ['modal', 'prompt'] });
	const inputRow = modal.createDiv({ cls: 'prompt-input-container' });
	const input = inputRow.createEl('input', { cls: 'prompt-input', attr: { type: 'text', placeholder: 'Search notes by meaning…' } });
	input.value = s.query;
	const list = modal.createDiv({ cls: 'prompt-results' });
	if (s.search.results.length === 0) list.createDiv({ cls: 'suggestion-empty', text: s.explain(s.search) });
	s.search.results.forEach((result, i) => {
		const row = list.createDiv({ cls: i === 0 ? ['suggestion-item', 'is-selected'] : 'suggestion-item' });
		s.renderResult(row, result);
	});
	const instructions = modal.createDiv({ cls: 'prompt-instructions' });
	for (const [command, purpose] of [['↑↓', 'to navigate'], ['↵', 'to open at the passage'], ['Ctrl ↵', 'to insert a link'], ['esc', 'to dismiss']]) {
		const item = instructions.createDiv({ cls: 'prompt-instruction' });
		item.createSpan({ cls: 'prompt-instruction-command', text: command });
		item.createSpan({ text: purpose });
	}
}

/** RelatedNotesView: `.sns-related` content with a header and `.sns-related-row`s. */
function relatedView(parent: HTMLElement, s: Scene): void {
	const leaf = parent.createDiv({ cls: 'workspace-leaf-content', attr: { 'data-type': 'semantic-related-notes' } });
	leaf.createDiv({ cls: 'view-header' }).createDiv({ cls: 'view-header-title', text: 'Related notes' });
	const content = leaf.createDiv({ cls: ['view-content', 'sns-related'] });
	content.createDiv({ cls: 'sns-related-header', text: `Related to ${noteName(s.relatedPath)}` });
	if (s.related.results.length === 0) {
		content.createDiv({ cls: 'sns-empty', text: s.explain(s.related) });
		return;
	}
	const list = content.createDiv({ cls: 'sns-related-list' });
	for (const result of s.related.results) s.renderResult(list.createDiv({ cls: 'sns-related-row', attr: { draggable: 'true' } }), result);
}

export function renderScene(body: HTMLElement, s: Scene): void {
	body.replaceChildren();
	body.addClass('theme-dark');
	const app = body.createDiv({ cls: 'e2e-app' });
	const banner = app.createDiv({ cls: 'e2e-banner' });
	banner.createDiv({ cls: 'e2e-banner-title', text: 'Semantic Note Search — real browser run (headless Chromium, Blob worker, WASM, IndexedDB)' });
	for (const line of s.info.lines) banner.createDiv({ cls: 'e2e-banner-line', text: line });
	const panes = app.createDiv({ cls: 'e2e-panes' });
	searchModal(panes.createDiv({ cls: 'e2e-main' }), s);
	relatedView(panes.createDiv({ cls: ['e2e-sidebar', 'workspace-split', 'mod-right-split'] }), s);
}
