import type { IndexProgress } from '../../core/index/types';

/** Counts as users read them in notices, the status bar and the status modal: 1,000. */
export const count = new Intl.NumberFormat('en-US');

/** "2 min left", rounded the way people read a progress estimate. */
export function formatTimeLeft(seconds: number): string {
	if (seconds < 60) return 'less than a minute left';
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min left`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `${hours} h left` : `${hours} h ${rest} min left`;
}

/** The note name users recognise: the file name without folders and `.md`. */
export function noteName(path: string): string {
	const name = path.slice(path.lastIndexOf('/') + 1);
	return name.endsWith('.md') ? name.slice(0, -3) : name;
}

/** Status bar text, e.g. "Indexing 120/1,000 · 2 min left · Note name"; empty when idle. */
export function progressText(p: IndexProgress): string {
	if (p.state === 'idle' || p.state === 'cancelled') return '';
	const parts = [`${p.state === 'paused' ? 'Indexing paused' : 'Indexing'} ${count.format(p.done)}/${count.format(p.total)}`];
	if (p.state === 'indexing' && p.secondsLeft !== undefined && Number.isFinite(p.secondsLeft)) parts.push(formatTimeLeft(p.secondsLeft));
	if (p.state === 'indexing' && p.current) parts.push(noteName(p.current));
	return parts.join(' · ');
}
