/**
 * Sobol' low-discrepancy points in up to 64 dimensions, unscrambled, in Gray-code order (Antonov &
 * Saleev 1979), with 32-bit direction numbers: the sequence SALib's and SciPy's Saltelli sampling use.
 * Point 0 is the origin. Checked against SciPy's `qmc.Sobol(d, scramble=False)` (test/experiment).
 *
 * The direction numbers of dimensions 2 to 64 are the published table of S. Joe and F. Y. Kuo,
 * "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008)
 * 2635–2654, file new-joe-kuo-6.21201 (https://web.maths.unsw.edu.au/~fkuo/sobol/), used under its
 * licence: Copyright (c) 2008, Frances Y. Kuo and Stephen Joe. All rights reserved. Redistribution and use
 * in source and binary forms, with or without modification, are permitted provided that the copyright
 * notice, this list of conditions and the disclaimer are retained; the names of the copyright holders may
 * not be used to endorse or promote products derived from this software without prior written
 * permission. THE TABLE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
 * IMPLIED WARRANTIES ARE DISCLAIMED.
 */

/** Per dimension from the second: the degree s of its primitive polynomial, its coefficients a, and m_1…m_s. */
const directionTable: readonly (readonly [number, number, readonly number[]])[] = [
  [1, 0, [1]], // 2
  [2, 1, [1, 3]], // 3
  [3, 1, [1, 3, 1]], // 4
  [3, 2, [1, 1, 1]], // 5
  [4, 1, [1, 1, 3, 3]], // 6
  [4, 4, [1, 3, 5, 13]], // 7
  [5, 2, [1, 1, 5, 5, 17]], // 8
  [5, 4, [1, 1, 5, 5, 5]], // 9
  [5, 7, [1, 1, 7, 11, 19]], // 10
  [5, 11, [1, 1, 5, 1, 1]], // 11
  [5, 13, [1, 1, 1, 3, 11]], // 12
  [5, 14, [1, 3, 5, 5, 31]], // 13
  [6, 1, [1, 3, 3, 9, 7, 49]], // 14
  [6, 13, [1, 1, 1, 15, 21, 21]], // 15
  [6, 16, [1, 3, 1, 13, 27, 49]], // 16
  [6, 19, [1, 1, 1, 15, 7, 5]], // 17
  [6, 22, [1, 3, 1, 15, 13, 25]], // 18
  [6, 25, [1, 1, 5, 5, 19, 61]], // 19
  [7, 1, [1, 3, 7, 11, 23, 15, 103]], // 20
  [7, 4, [1, 3, 7, 13, 13, 15, 69]], // 21
  [7, 7, [1, 1, 3, 13, 7, 35, 63]], // 22
  [7, 8, [1, 3, 5, 9, 1, 25, 53]], // 23
  [7, 14, [1, 3, 1, 13, 9, 35, 107]], // 24
  [7, 19, [1, 3, 1, 5, 27, 61, 31]], // 25
  [7, 21, [1, 1, 5, 11, 19, 41, 61]], // 26
  [7, 28, [1, 3, 5, 3, 3, 13, 69]], // 27
  [7, 31, [1, 1, 7, 13, 1, 19, 1]], // 28
  [7, 32, [1, 3, 7, 5, 13, 19, 59]], // 29
  [7, 37, [1, 1, 3, 9, 25, 29, 41]], // 30
  [7, 41, [1, 3, 5, 13, 23, 1, 55]], // 31
  [7, 42, [1, 3, 7, 3, 13, 59, 17]], // 32
  [7, 50, [1, 3, 1, 3, 5, 53, 69]], // 33
  [7, 55, [1, 1, 5, 5, 23, 33, 13]], // 34
  [7, 56, [1, 1, 7, 7, 1, 61, 123]], // 35
  [7, 59, [1, 1, 7, 9, 13, 61, 49]], // 36
  [7, 62, [1, 3, 3, 5, 3, 55, 33]], // 37
  [8, 14, [1, 3, 1, 15, 31, 13, 49, 245]], // 38
  [8, 21, [1, 3, 5, 15, 31, 59, 63, 97]], // 39
  [8, 22, [1, 3, 1, 11, 11, 11, 77, 249]], // 40
  [8, 38, [1, 3, 1, 11, 27, 43, 71, 9]], // 41
  [8, 47, [1, 1, 7, 15, 21, 11, 81, 45]], // 42
  [8, 49, [1, 3, 7, 3, 25, 31, 65, 79]], // 43
  [8, 50, [1, 3, 1, 1, 19, 11, 3, 205]], // 44
  [8, 52, [1, 1, 5, 9, 19, 21, 29, 157]], // 45
  [8, 56, [1, 3, 7, 11, 1, 33, 89, 185]], // 46
  [8, 67, [1, 3, 3, 3, 15, 9, 79, 71]], // 47
  [8, 70, [1, 3, 7, 11, 15, 39, 119, 27]], // 48
  [8, 84, [1, 1, 3, 1, 11, 31, 97, 225]], // 49
  [8, 97, [1, 1, 1, 3, 23, 43, 57, 177]], // 50
  [8, 103, [1, 3, 7, 7, 17, 17, 37, 71]], // 51
  [8, 115, [1, 3, 1, 5, 27, 63, 123, 213]], // 52
  [8, 122, [1, 1, 3, 5, 11, 43, 53, 133]], // 53
  [9, 8, [1, 3, 5, 5, 29, 17, 47, 173, 479]], // 54
  [9, 13, [1, 3, 3, 11, 3, 1, 109, 9, 69]], // 55
  [9, 16, [1, 1, 1, 5, 17, 39, 23, 5, 343]], // 56
  [9, 22, [1, 3, 1, 5, 25, 15, 31, 103, 499]], // 57
  [9, 25, [1, 1, 1, 11, 11, 17, 63, 105, 183]], // 58
  [9, 44, [1, 1, 5, 11, 9, 29, 97, 231, 363]], // 59
  [9, 47, [1, 1, 5, 15, 19, 45, 41, 7, 383]], // 60
  [9, 52, [1, 3, 7, 7, 31, 19, 83, 137, 221]], // 61
  [9, 55, [1, 1, 1, 3, 23, 15, 111, 223, 83]], // 62
  [9, 59, [1, 1, 5, 13, 31, 15, 55, 25, 161]], // 63
  [9, 62, [1, 1, 3, 13, 25, 47, 39, 87, 257]], // 64
];

/** Dimensions this generator provides. */
export const maxSobolDimensions = directionTable.length + 1;

const bits = 32;

/** Direction numbers v[d][j] (j = 0…31), as 32-bit integers. */
function directions(dimensions: number): Uint32Array[] {
  const out: Uint32Array[] = [];
  const first = new Uint32Array(bits);
  for (let j = 0; j < bits; j++) first[j] = 2 ** (bits - 1 - j);
  out.push(first);
  for (let d = 1; d < dimensions; d++) {
    const [s, a, m] = directionTable[d - 1];
    const v = new Uint32Array(bits);
    for (let j = 0; j < s; j++) v[j] = m[j] * 2 ** (bits - 1 - j);
    for (let j = s; j < bits; j++) {
      let value = v[j - s] ^ (v[j - s] >>> s);
      for (let k = 1; k < s; k++) {
        if ((a >>> (s - 1 - k)) & 1) value ^= v[j - k];
      }
      v[j] = value >>> 0;
    }
    out.push(v);
  }
  return out;
}

/** The first `count` points of the sequence in `dimensions` dimensions, each in [0, 1). */
export function sobolPoints(count: number, dimensions: number): number[][] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > maxSobolDimensions) {
    throw new RangeError(`Sobol' points need 1 to ${maxSobolDimensions} dimensions, got ${dimensions}`);
  }
  if (!Number.isInteger(count) || count < 0 || count > 2 ** bits) {
    throw new RangeError(`cannot draw ${count} Sobol' points`);
  }
  const v = directions(dimensions);
  const x = new Uint32Array(dimensions);
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      // Gray code: flip the direction number of the lowest zero bit of i - 1
      let c = 0;
      let value = i - 1;
      while (value & 1) {
        value = Math.floor(value / 2);
        c++;
      }
      for (let d = 0; d < dimensions; d++) x[d] = (x[d] ^ v[d][c]) >>> 0;
    }
    points.push(Array.from(x, (xd) => xd / 2 ** bits));
  }
  return points;
}
