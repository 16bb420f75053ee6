import type { FieldCipher } from "./field-cipher.ts";

/**
 * Every column stored encrypted: the one list that writers, readers (domain/dto.ts) and the
 * re-encryption job agree on. `scope` is the row's column that goes into the AAD with the column
 * name; it is known on every write (a Movement's id is not: SQLite assigns it on insert).
 */
export const SEALED_TABLES = [
  { table: "Movement", key: "id", numericKey: true, scope: "sku", columns: ["reference", "counterparty"] },
  { table: "Reservation", key: "id", numericKey: false, scope: "sku", columns: ["reference"] },
  { table: "Transfer", key: "id", numericKey: false, scope: "sku", columns: ["reference"] },
  // The stored first result of an idempotent write repeats the fields above.
  { table: "IdempotencyKey", key: "key", numericKey: false, scope: "key", columns: ["result"] },
] as const;

type Spec = (typeof SEALED_TABLES)[number];
export type SealedTable = Spec["table"];
export type SealedColumn = Spec extends infer S ? (S extends { table: infer T extends string; columns: readonly (infer C extends string)[] } ? `${T}.${C}` : never) : never;

let active: FieldCipher | null = null;

/** Set once by the worker's main (and by tests) before any job runs. */
export function installFieldCipher(cipher: FieldCipher | null): void {
  active = cipher;
}

export function fieldCipher(): FieldCipher {
  // Fail closed: without keys a write would otherwise store plaintext.
  if (!active) throw new Error("no data keyring installed in this worker");
  return active;
}

export const aadOf = (column: SealedColumn, scope: string) => `${column}|${scope}`;

/** The stored form of a sensitive value (null stays null). */
export function sealField(column: SealedColumn, scope: string, value: string | null | undefined): string | null {
  return fieldCipher().seal(value, aadOf(column, scope));
}

/** The plain value of a stored one; legacy plaintext passes through. */
export function openField(column: SealedColumn, scope: string, stored: string | null): string | null {
  return fieldCipher().open(stored, aadOf(column, scope));
}
