import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, which CI and people read
 * without parsing vitest's coloured summary. A file or suite whose setup failed counts as one
 * failure: its tests never ran, and they must not pass for skipped.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
		const count = { passed: 0, failed: 0, skipped: 0 };
		for (const module of testModules) {
			let brokenSetups = module.errors().length > 0 ? 1 : 0;
			for (const suite of module.children.allSuites()) if (suite.errors().length > 0) brokenSetups++;
			count.failed += brokenSetups;
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'skipped' && brokenSetups > 0) continue;
				if (state === 'passed' || state === 'failed' || state === 'skipped') count[state]++;
			}
		}
		process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
	}
}
