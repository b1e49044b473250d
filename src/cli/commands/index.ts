import type { Command } from '../command';
import { embedCommand } from './embed';
import { indexCommand } from './index-vault';
import { relatedCommand } from './related';
import { searchCommand } from './search';
import { similarityCommand } from './similarity';
import { tokenizeCommand } from './tokenize';
import { verifyCommand } from './verify';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
	tokenizeCommand,
	embedCommand,
	similarityCommand,
	verifyCommand,
	indexCommand,
	searchCommand,
	relatedCommand,
];
