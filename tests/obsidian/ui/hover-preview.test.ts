import { describe, expect, it } from 'vitest';
import SemanticNoteSearchPlugin from '../../../src/main';
import { HOVER_SOURCE, previewOnHover } from '../../../src/obsidian/ui/hover-preview';
import { SemanticSearchModal } from '../../../src/obsidian/ui/search-modal';
import { FakeRuntime, FakeSearch, result } from '../../helpers/obsidian-fakes';
import { asApp, asObsidianManifest, manifest } from '../../helpers/obsidian-harness';
import { App, FakeElement, startApp, type Plugin } from '../../shims/obsidian';
import type * as Obsidian from 'obsidian';

function hovers(app: App): Record<string, unknown>[] {
	const asked: Record<string, unknown>[] = [];
	app.workspace.on('hover-link', (info: Record<string, unknown>) => asked.push(info));
	return asked;
}

describe('page preview of results', () => {
	it('registers the plugin with Page preview, Mod key required by default, and unregisters on unload', async () => {
		const app = new App();
		const plugin = new SemanticNoteSearchPlugin(app as unknown as Obsidian.App, asObsidianManifest(manifest));
		plugin.createRuntime = () => new FakeRuntime();
		await startApp(app, plugin as unknown as Plugin);
		expect(app.hoverLinkSources.get(HOVER_SOURCE)).toEqual({ display: 'Semantic Note Search', defaultMod: true });
		(plugin as unknown as Plugin).unload();
		expect(app.hoverLinkSources.has(HOVER_SOURCE)).toBe(false);
	});

	it('links the hover to the innermost heading of the best passage, and to the note when a link cannot name it', () => {
		const app = new App();
		const asked = hovers(app);
		const parent = { hoverPopover: null };
		const row = new FakeElement('div');
		previewOnHover(asApp(app), row as unknown as HTMLElement, result('Projects/MCP.md', { heading: 'Setup > Servers' }), parent);
		const odd = new FakeElement('div');
		previewOnHover(asApp(app), odd as unknown as HTMLElement, result('Projects/MCP.md', { heading: 'Tools [beta]' }), parent);
		row.dispatch('mouseover');
		odd.dispatch('mouseover');
		expect(asked.map((a) => a.linktext)).toEqual(['Projects/MCP.md#Servers', 'Projects/MCP.md']);
		expect(asked[0]).toMatchObject({ source: HOVER_SOURCE, hoverParent: parent, targetEl: row });
	});

	it('previews search modal results too, owned by the modal', () => {
		const app = new App();
		const asked = hovers(app);
		const modal = new SemanticSearchModal(asApp(app), new FakeSearch(), null);
		const el = new FakeElement('div');
		modal.renderSuggestion(result('A.md', { heading: 'Intro' }), el as unknown as HTMLElement);
		el.dispatch('mouseover');
		expect(asked).toHaveLength(1);
		expect(asked[0]).toMatchObject({ linktext: 'A.md#Intro', hoverParent: { hoverPopover: null } });
	});
});
