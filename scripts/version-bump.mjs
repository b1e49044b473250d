// `npm version X.Y.Z` runs this (the "version" script): manifest.json takes the new version and
// versions.json records which Obsidian version it needs, as the official sample plugin does, so
// the three files can never disagree in a release.
import { readFileSync, writeFileSync } from 'node:fs';

const targetVersion = process.env.npm_package_version;
if (!targetVersion) {
	console.error('version-bump: run it through `npm version X.Y.Z`, which sets npm_package_version');
	process.exit(2);
}

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
manifest.version = targetVersion;
writeFileSync('manifest.json', `${JSON.stringify(manifest, null, '\t')}\n`);

const versions = JSON.parse(readFileSync('versions.json', 'utf8'));
versions[targetVersion] = manifest.minAppVersion;
writeFileSync('versions.json', `${JSON.stringify(versions, null, '\t')}\n`);
