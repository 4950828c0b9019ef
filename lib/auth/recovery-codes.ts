/**
 * Two-factor recovery codes: ten per enrolment, shown once, stored as argon2id hashes
 * (lib/auth/password.ts), each accepted once. 10 characters from a 32-letter alphabet
 * (50 bits) is far beyond guessing under the sign-in rate limit.
 */
import { randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const HALF = 5;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const one = () => Array.from({ length: HALF * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const codes = new Set<string>();
  while (codes.size < count) {
    const raw = one();
    codes.add(`${raw.slice(0, HALF)}-${raw.slice(HALF)}`);
  }
  return [...codes];
}

/** The stored form of what someone typed: case, spaces and the hyphen do not matter. Null if it cannot be a code. */
export function normaliseRecoveryCode(input: string): string | null {
  const raw = input.toLowerCase().replace(/[\s-]+/g, "");
  if (raw.length !== HALF * 2 || ![...raw].every((c) => ALPHABET.includes(c))) return null;
  return `${raw.slice(0, HALF)}-${raw.slice(HALF)}`;
}
