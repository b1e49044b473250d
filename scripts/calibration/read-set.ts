/**
 * Reads the calibration set (fixtures/calibration/*.toml) and its Python scores
 * (fixtures/calibration-scores.json) from disk, for the calibration tests and scripts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { combineCalibrationTopics, parseCalibrationTopic, type CalibrationSet } from '../../src/core/fixtures/calibration-set';
import { parseCalibrationScores, type CalibrationScores } from '../../src/core/fixtures/calibration-scores';

export const repoRoot = path.resolve(__dirname, '../..');
export const calibrationDir = path.join(repoRoot, 'fixtures/calibration');
export const scoresFile = path.join(repoRoot, 'fixtures/calibration-scores.json');

/** Every topic file, in file-name order, with paths relative to the repository in messages. */
export function readCalibrationSet(dir = calibrationDir): CalibrationSet {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.toml'))
		.sort();
	return combineCalibrationTopics(files.map((f) => parseCalibrationTopic(readFileSync(path.join(dir, f), 'utf8'), path.relative(repoRoot, path.join(dir, f)))));
}

export function readCalibrationScores(set: CalibrationSet, file = scoresFile): CalibrationScores {
	return parseCalibrationScores(readFileSync(file, 'utf8'), set, path.relative(repoRoot, file));
}
