/**
 * Seeded markdown notes with a realistic shape (headings, paragraphs of 1–8 sentences, lists,
 * the odd long section), for when the sample vault is absent or too small. Real English words,
 * so the word-piece tokenizer sees ordinary text, not random strings.
 */
import { seededRandom } from './stats';

const WORDS = (
	'the of and to in is that for it as with was on be by this are from at or an have not which but ' +
	'they has had were all their can one more when there been would what about if some into time only ' +
	'other new these two may first then do any like my now over such our man me even most made after also ' +
	'did many before must through back years where much your way well down should because each just those ' +
	'people how too little state good very make world still own see men work long get here between both life ' +
	'being under never day same another know while last might us great old year off come since against go ' +
	'came right used take three garden project meeting server backup recipe bread flour yeast oven journal ' +
	'budget invoice travel train ticket museum chapter novel character plot theorem proof lemma network ' +
	'router firewall database query index migration kubernetes deployment container memory latency cache ' +
	'sourdough starter hydration compost tomato seedling watering spreadsheet quarterly review feedback ' +
	'meditation habit running marathon interval stretching vocabulary grammar pronunciation photosynthesis ' +
	'mitochondria enzyme hypothesis experiment telescope galaxy nebula spectroscopy'
).split(' ');

export interface SyntheticNote {
	path: string;
	markdown: string;
}

export function syntheticNotes(count: number, seed = 11): SyntheticNote[] {
	const rand = seededRandom(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
	const sentence = (): string => {
		const n = 6 + Math.floor(rand() * 18);
		const words = Array.from({ length: n }, () => pick(WORDS));
		words[0] = words[0][0].toUpperCase() + words[0].slice(1);
		return `${words.join(' ')}.`;
	};
	const paragraph = (): string => Array.from({ length: 1 + Math.floor(rand() * rand() * 8) }, sentence).join(' ');
	const notes: SyntheticNote[] = [];
	for (let i = 0; i < count; i++) {
		const parts: string[] = [paragraph()];
		const sections = Math.floor(rand() * 4);
		for (let s = 0; s < sections; s++) {
			parts.push(`## ${pick(WORDS)} ${pick(WORDS)}`);
			const paragraphs = 1 + Math.floor(rand() * 3);
			for (let p = 0; p < paragraphs; p++) parts.push(rand() < 0.2 ? Array.from({ length: 3 }, () => `- ${sentence()}`).join('\n') : paragraph());
		}
		notes.push({ path: `synthetic/${pick(WORDS)}-${i}.md`, markdown: parts.join('\n\n') });
	}
	return notes;
}
