import { parseReferenceFixtures } from '../../core/fixtures/load';
import type { ReferenceCase } from '../../core/fixtures/types';
// The committed fixture, bundled as text (esbuild's and vitest's .toml text loaders), so the plugin
// checks its model against the same published values as the tests and `note-search verify`.
import fixtureText from '../../../fixtures/similarity-reference.toml';

let parsed: ReferenceCase[] | undefined;

/** The reference cases, parsed on first use (the model check runs only when a model is new). */
export function referenceCases(): ReferenceCase[] {
	parsed ??= parseReferenceFixtures(fixtureText);
	return parsed;
}
