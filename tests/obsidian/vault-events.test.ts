import { describe, expect, it } from 'vitest';
import type * as Obsidian from 'obsidian';
import { registerVaultEvents } from '../../src/obsidian/vault-events';
import { FakeIndex } from '../helpers/obsidian-fakes';
import { App, Component } from '../shims/obsidian';

async function setup() {
	const app = new App();
	const owner = new Component();
	owner.load();
	const index = new FakeIndex();
	const note = await app.vault.create('a.md', 'text');
	await app.vault.create('image.png', '');
	await Promise.resolve();
	registerVaultEvents(owner as unknown as Obsidian.Component, app as unknown as Obsidian.App, index);
	return { app, owner, index, note };
}

describe('vault events', () => {
	it('forwards creates and edits of notes (the indexer debounces them)', async () => {
		const { app, index, note } = await setup();
		await app.vault.create('new.md', 'x');
		await app.vault.modify(note, 'edited');
		await Promise.resolve();
		// vault `create`/`modify` at once, metadata `changed` after Obsidian parsed the note.
		expect([...index.calls].sort()).toEqual(['changed a.md', 'changed a.md', 'changed new.md', 'changed new.md']);
	});

	it('forwards deletes and renames, and only for markdown notes', async () => {
		const { app, index, note } = await setup();
		const png = app.vault.getFileByPath('image.png');
		await app.vault.rename(note, 'folder/b.md');
		if (png) await app.vault.delete(png);
		await app.vault.delete(note);
		expect(index.calls).toEqual(['renamed a.md -> folder/b.md', 'deleted folder/b.md']);
	});

	it('treats a rename out of markdown as a delete and into markdown as a new note', async () => {
		const { app, index, note } = await setup();
		await app.vault.rename(note, 'a.txt');
		const txt = app.vault.getFileByPath('a.txt');
		if (txt) await app.vault.rename(txt, 'c.md');
		expect(index.calls).toEqual(['deleted a.md', 'changed c.md']);
	});

	it('leaves no handler behind on unload', async () => {
		const { app, owner, index, note } = await setup();
		owner.unload();
		await app.vault.modify(note, 'edited');
		expect(index.calls).toEqual([]);
		expect(app.vault.listenerCount() + app.metadataCache.listenerCount()).toBe(0);
	});
});
