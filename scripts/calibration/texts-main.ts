/**
 * Entry point bundled by scripts/calibration-texts.mjs: prints {@link embeddedTexts} of the
 * calibration set as JSON, chunked with the tokenizer in the folder given as the first argument.
 */
import { createTokenizer } from '../../src/core/embedding/load-tokenizer';
import { nodeModelFiles } from '../../src/node/node-engine';
import { embeddedTexts } from './embedded-texts';
import { readCalibrationSet } from './read-set';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/calibration-texts.mjs TOKENIZER_DIR (a folder with tokenizer.json and tokenizer_config.json)');
const tokenizer = await createTokenizer(nodeModelFiles(dir));
process.stdout.write(`${JSON.stringify(embeddedTexts(readCalibrationSet(), tokenizer))}\n`);
