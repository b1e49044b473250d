import type { NoteRecord, StoredPassage } from '../../../src/core/store/types';
import { mulberry32 } from '../../helpers/prng';

/** A seeded generator so every random case is reproducible. */
export const rng = mulberry32;

/** A random unit vector (Gaussian components via Box–Muller, so directions are uniform). */
export function unitVector(random: () => number, dim: number): Float32Array {
	const v = new Float32Array(dim);
	let sum = 0;
	for (let i = 0; i < dim; i++) {
		const g = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
		v[i] = g;
		sum += g * g;
	}
	const n = Math.sqrt(sum);
	for (let i = 0; i < dim; i++) v[i] /= n;
	return v;
}

export function passage(i: number): StoredPassage {
	return { heading: `Heading ${i}`, start: i * 100, end: i * 100 + 99, snippet: `Snippet ${i}` };
}

/** A record whose passage vectors are given row by row. */
export function record(path: string, rows: readonly Float32Array[], dim: number): NoteRecord {
	const vectors = new Float32Array(rows.length * dim);
	rows.forEach((row, i) => vectors.set(row, i * dim));
	return { path, mtime: 0, size: 0, hash: path, passages: rows.map((_, i) => passage(i)), vectors };
}

/** `count` notes with 1..maxPassages random unit passages each. */
export function randomRecords(random: () => number, count: number, dim: number, maxPassages: number, prefix = 'note'): NoteRecord[] {
	const records: NoteRecord[] = [];
	for (let n = 0; n < count; n++) {
		const passages = 1 + Math.floor(random() * maxPassages);
		const rows = Array.from({ length: passages }, () => unitVector(random, dim));
		records.push(record(`${prefix}-${String(n).padStart(4, '0')}.md`, rows, dim));
	}
	return records;
}

export interface Expected {
	path: string;
	score: number;
	passage: number;
}

/**
 * Brute-force reference, deliberately naive: score every passage with a plain loop, take each
 * note's maximum (first passage wins ties), sort everything, filter, cut.
 */
export function bruteForce(
	records: readonly NoteRecord[],
	query: Float32Array,
	dim: number,
	threshold: number,
	limit: number,
	skip: (path: string) => boolean = () => false,
): Expected[] {
	let qn = 0;
	for (const x of query) qn += x * x;
	qn = Math.sqrt(qn);
	const all: Expected[] = [];
	for (const r of records) {
		if (skip(r.path) || r.passages.length === 0) continue;
		let bestScore = -Infinity;
		let bestPassage = -1;
		for (let p = 0; p < r.passages.length; p++) {
			let dot = 0;
			for (let i = 0; i < dim; i++) dot += r.vectors[p * dim + i] * query[i];
			if (dot > bestScore) {
				bestScore = dot;
				bestPassage = p;
			}
		}
		all.push({ path: r.path, score: bestScore / qn, passage: bestPassage });
	}
	all.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
	return all.filter((e) => e.score >= threshold).slice(0, limit);
}
