/** The float64 reference is only as good as its own erf: check it against libm values. */
import { expect, test } from 'vitest';
import { erf } from '../../helpers/reference-forward';

// Python math.erf (C libm), on both sides of the series / continued-fraction switch at |x| = 3.
const KNOWN: [number, number][] = [
	[0, 0],
	[0.1, 0.1124629160182849],
	[0.5, 0.5204998778130465],
	[1, 0.8427007929497149],
	[1.5, 0.9661051464753108],
	[2, 0.9953222650189527],
	[2.9999, 0.9999778955735178],
	[3, 0.9999779095030014],
	[3.5, 0.9999992569016276],
	[4, 0.9999999845827421],
	[6, 1],
	[-1.5, -0.9661051464753108],
	[-3.2, -0.9999939742388483],
];

test('erf of the reference matches libm to 1e-14', () => {
	for (const [x, expected] of KNOWN) expect(Math.abs(erf(x) - expected), `erf(${x})`).toBeLessThan(1e-14);
});
