/** Left-aligned text columns separated by two spaces; numbers read fine that way in a terminal. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
	return [line(header), ...rows.map(line)].join('\n');
}
