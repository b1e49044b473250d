/**
 * The community directory's submission rules for manifest.json (docs: "Submission requirements
 * for plugins" and the obsidian-releases validation), and agreement between the files a release
 * ships: package.json, manifest.json and versions.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
const manifest = read('manifest.json');
const SEMVER = /^\d+\.\d+\.\d+$/;

describe('manifest.json', () => {
	it('has every required field as a non-empty string, and isDesktopOnly as a boolean', () => {
		for (const key of ['id', 'name', 'version', 'minAppVersion', 'description', 'author']) {
			expect(typeof manifest[key], key).toBe('string');
			expect((manifest[key] as string).trim(), key).not.toBe('');
		}
		expect(typeof manifest.isDesktopOnly).toBe('boolean');
	});

	it('has an id the directory accepts: lowercase, dashes, no "obsidian", and the same as the folder name users install to', () => {
		expect(manifest.id).toMatch(/^[a-z0-9-]+$/);
		expect(manifest.id).not.toMatch(/obsidian/);
		expect(manifest.id).toBe('semantic-note-search');
	});

	it('has a name without "Obsidian" or "Plugin"', () => {
		expect(manifest.name).not.toMatch(/obsidian|plugin/i);
	});

	it('has a short description that ends with a period and does not start with "This plugin"', () => {
		const description = manifest.description as string;
		expect(description.length).toBeLessThanOrEqual(250);
		expect(description.endsWith('.')).toBe(true);
		expect(description).not.toMatch(/^this (is a )?plugin/i);
		expect(description).not.toMatch(/obsidian/i);
	});

	it('has semantic versions, and is desktop-only because the model cache uses Node modules', () => {
		expect(manifest.version).toMatch(SEMVER);
		expect(manifest.minAppVersion).toMatch(SEMVER);
		expect(manifest.isDesktopOnly).toBe(true);
	});
});

describe('release files', () => {
	it('agree on the version: package.json, manifest.json and versions.json', () => {
		expect(read('package.json').version).toBe(manifest.version);
		expect(read('versions.json')[manifest.version as string]).toBe(manifest.minAppVersion);
	});

	it('name every version in versions.json with a semantic version and its minimum app version', () => {
		for (const [version, minApp] of Object.entries(read('versions.json'))) {
			expect(version).toMatch(SEMVER);
			expect(minApp).toMatch(SEMVER);
		}
	});
});
