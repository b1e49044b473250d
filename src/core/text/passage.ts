/** A note as the chunker sees it. The path is carried for reporting only and never embedded. */
export interface NoteInput {
	path: string;
	/** File name without extension; embedded with the first passage. */
	title: string;
	markdown: string;
}

/** One embeddable piece of a note: at most `maxTokens` word pieces including [CLS]/[SEP]. */
export interface Passage {
	/** Exactly the text given to the embedder. */
	text: string;
	/** Heading path, e.g. "Setup > Servers"; empty before the first heading. */
	heading: string;
	/** Character range [start, end) in the original markdown, for jumping to the passage. */
	start: number;
	end: number;
	wordPieces: number;
}
