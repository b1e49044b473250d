import type { Command } from '../command';
import { embedCommand } from './embed';
import { similarityCommand } from './similarity';
import { tokenizeCommand } from './tokenize';
import { verifyCommand } from './verify';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [tokenizeCommand, embedCommand, similarityCommand, verifyCommand];
