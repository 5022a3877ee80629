/**
 * Generated container names, `adjective_surname` like Docker's (a digit is appended on a
 * retry after a collision). The word lists are layerlab's own: calm adjectives and
 * surnames of people who shaped computing and mathematics.
 */

const ADJECTIVES = [
  'agile', 'amber', 'ample', 'bold', 'brisk', 'calm', 'candid', 'cheery', 'civic', 'clever', 'cosmic', 'crisp',
  'deft', 'eager', 'earnest', 'fluent', 'frank', 'gentle', 'glad', 'golden', 'hardy', 'humble', 'jolly', 'keen',
  'kind', 'lively', 'loyal', 'lucid', 'mellow', 'merry', 'modest', 'nimble', 'noble', 'patient', 'plucky', 'polite',
  'proud', 'quiet', 'rapid', 'ready', 'serene', 'sharp', 'sincere', 'snappy', 'steady', 'sunny', 'swift', 'tender',
  'tidy', 'upbeat', 'vivid', 'warm', 'wise', 'witty', 'zealous', 'zesty',
] as const;

const SURNAMES = [
  'abel', 'agnesi', 'babbage', 'backus', 'bernoulli', 'boole', 'cantor', 'cerf', 'church', 'codd', 'conway', 'curie',
  'dijkstra', 'euler', 'fermat', 'fourier', 'galois', 'gauss', 'germain', 'goldberg', 'hamming', 'hilbert', 'hoare',
  'hollerith', 'huffman', 'jacobi', 'kahan', 'karp', 'kepler', 'knuth', 'kovalevskaya', 'lamport', 'laplace',
  'leibniz', 'liskov', 'lovelace', 'markov', 'mccarthy', 'minsky', 'napier', 'naur', 'neumann', 'noether',
  'pascal', 'perlman', 'poincare', 'ramanujan', 'riemann', 'ritchie', 'shannon', 'somerville', 'thompson',
  'torvalds', 'turing', 'wirth', 'zuse',
] as const;

/**
 * A name from a random source (`random()` in [0, 1), e.g. a seeded generator so that runs
 * are reproducible). `retry` > 0 appends one digit, as Docker does after a collision.
 */
export function generateName(random: () => number, retry = 0): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const name = `${pick(ADJECTIVES)}_${pick(SURNAMES)}`;
  return retry > 0 ? `${name}${Math.floor(random() * 10)}` : name;
}

/** Docker's validity rule for `--name`: `[a-zA-Z0-9][a-zA-Z0-9_.-]+` (so at least 2 characters). */
export function isValidContainerName(name: string): boolean {
  return /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name);
}
