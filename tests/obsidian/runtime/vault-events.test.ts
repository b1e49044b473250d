import { describe, expect, it } from 'vitest';
import type * as Obsidian from 'obsidian';
import { registerVaultEvents } from '../../../src/obsidian/runtime/vault-events';
import { FakeIndex } from '../../helpers/obsidian-fakes';
import { App, Component } from '../../shims/obsidian';

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

	it('a renamed folder arrives as one event per note inside it; a deleted one also as a folder', async () => {
		const { app, index } = await setup();
		await app.vault.create('Garden/Tomatoes.md', 'tomato');
		await app.vault.create('Garden/Herbs/Basil.md', 'basil');
		await app.vault.create('Garden/photo.png', '');
		await Promise.resolve();
		index.calls.length = 0;
		const garden = app.vault.getFolderByPath('Garden');
		if (!garden) throw new Error('missing');
		await app.vault.rename(garden, 'Yard.md');
		expect([...index.calls].sort()).toEqual(['renamed Garden/Herbs/Basil.md -> Yard.md/Herbs/Basil.md', 'renamed Garden/Tomatoes.md -> Yard.md/Tomatoes.md']);
		index.calls.length = 0;
		// A folder whose name ends in .md is still no note: only its files are reported.
		await app.vault.rename(garden, 'Garden');
		expect([...index.calls].sort()).toEqual(['renamed Yard.md/Herbs/Basil.md -> Garden/Herbs/Basil.md', 'renamed Yard.md/Tomatoes.md -> Garden/Tomatoes.md']);
		index.calls.length = 0;
		await app.vault.delete(garden);
		expect([...index.calls].sort()).toEqual(['deleted Garden/Herbs/Basil.md', 'deleted Garden/Tomatoes.md', 'folder deleted Garden', 'folder deleted Garden/Herbs']);
	});

	it('leaves no handler behind on unload', async () => {
		const { app, owner, index, note } = await setup();
		owner.unload();
		await app.vault.modify(note, 'edited');
		expect(index.calls).toEqual([]);
		expect(app.vault.listenerCount() + app.metadataCache.listenerCount()).toBe(0);
	});
});
