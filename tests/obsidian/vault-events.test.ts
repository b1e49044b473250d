import { afterEach, describe, expect, it, vi } from 'vitest';
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
	registerVaultEvents(owner as unknown as Obsidian.Component, app as unknown as Obsidian.App, index, 50);
	return { app, owner, index, note };
}

describe('vault events', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('debounces edits per note and forwards one change after typing stops', async () => {
		vi.useFakeTimers();
		const { app, index, note } = await setup();
		for (let i = 0; i < 5; i++) {
			await app.vault.modify(note, `text ${i}`);
			await vi.advanceTimersByTimeAsync(20);
		}
		expect(index.calls).toEqual([]);
		await vi.advanceTimersByTimeAsync(60);
		expect(index.calls).toEqual(['changed a.md']);
	});

	it('forwards deletes and renames at once, and only for markdown notes', async () => {
		const { app, index, note } = await setup();
		const png = app.vault.getFileByPath('image.png');
		await app.vault.rename(note, 'folder/b.md');
		if (png) await app.vault.delete(png);
		await app.vault.delete(note);
		expect(index.calls).toEqual(['renamed a.md -> folder/b.md', 'deleted folder/b.md']);
	});

	it('treats a rename out of markdown as a delete and into markdown as a new note', async () => {
		const { app, index, note } = await setup();
		vi.useFakeTimers();
		await app.vault.rename(note, 'a.txt');
		const txt = app.vault.getFileByPath('a.txt');
		if (txt) await app.vault.rename(txt, 'c.md');
		await vi.advanceTimersByTimeAsync(60);
		expect(index.calls).toEqual(['deleted a.md', 'changed c.md']);
	});

	it('moves a pending edit along with a rename and drops it on delete', async () => {
		vi.useFakeTimers();
		const { app, index, note } = await setup();
		await app.vault.modify(note, 'edited');
		await app.vault.rename(note, 'moved.md');
		await vi.advanceTimersByTimeAsync(60);
		expect(index.calls).toEqual(['renamed a.md -> moved.md', 'changed moved.md']);
		index.calls = [];
		await app.vault.modify(note, 'again');
		await app.vault.delete(note);
		await vi.advanceTimersByTimeAsync(60);
		expect(index.calls).toEqual(['deleted moved.md']);
	});

	it('leaves no handler or timer behind on unload', async () => {
		vi.useFakeTimers();
		const { app, owner, index, note } = await setup();
		await app.vault.modify(note, 'edited');
		owner.unload();
		await vi.advanceTimersByTimeAsync(100);
		expect(index.calls).toEqual([]);
		expect(app.vault.listenerCount() + app.metadataCache.listenerCount()).toBe(0);
	});
});
