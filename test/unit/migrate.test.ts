import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "../../node/worker/migrate.ts";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wms-migrate-"));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const committed = () =>
  fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const recorded = (file: string) =>
  query<{ migration_name: string; finished_at: string | null; applied_steps_count: number; checksum: string; rolled_back_at: string | null }>(
    file,
    `SELECT migration_name, finished_at, applied_steps_count, checksum, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
  );
const tables = (file: string) =>
  query<{ name: string }>(file, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).map((r) => r.name);

/** A migrations folder holding copies of the given committed migrations plus extra ones (name → SQL). */
function migrationsDir(name: string, copy: string[], extra: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  for (const m of copy) fs.cpSync(path.join(MIGRATIONS_DIR, m), path.join(dir, m), { recursive: true });
  for (const [m, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, m), { recursive: true });
    fs.writeFileSync(path.join(dir, m, "migration.sql"), sql);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe("migrate", () => {
  it("creates a new database (and its folder) with every committed migration recorded", () => {
    const file = path.join(tmp, "nested", "dir", "warehouse.db");
    const { applied, warnings } = migrate(file);
    expect(committed().length).toBeGreaterThan(0);
    expect(applied).toEqual(committed());
    expect(warnings).toEqual([]);
    const rows = recorded(file);
    expect(rows.map((r) => r.migration_name)).toEqual(committed());
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      // Prisma's own checksum (sha256 of the script), so `prisma migrate status` agrees.
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    }
    expect(tables(file)).toEqual(expect.arrayContaining(["Product", "Movement", "Reservation", "Transfer", "IdempotencyKey", "_prisma_migrations"]));
  });

  it("leaves the database in WAL mode", () => {
    const file = path.join(tmp, "warehouse.db");
    migrate(file);
    const db = new Database(file);
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });

  it("applies nothing the second time", () => {
    const file = path.join(tmp, "warehouse.db");
    migrate(file);
    const before = recorded(file);
    expect(migrate(file)).toEqual({ applied: [], warnings: [] });
    expect(recorded(file)).toEqual(before);
  });

  it("brings an older database up to date with only the migrations it lacks", () => {
    const [first] = committed();
    const file = path.join(tmp, "warehouse.db");
    const old = migrationsDir("old", [first!]);
    expect(migrate(file, old).applied).toEqual([first]);

    const second = "29990101000000_extra";
    const newer = migrationsDir("new", [first!], { [second]: `CREATE TABLE "Extra" (id INTEGER);` });
    expect(migrate(file, newer)).toEqual({ applied: [second], warnings: [] });
    expect(recorded(file).map((r) => r.migration_name)).toEqual([first, second]);
    expect(tables(file)).toContain("Extra");
    expect(migrate(file, newer).applied).toEqual([]);
  });

  it("applies migrations in name order, whatever order the folder lists them", () => {
    const file = path.join(tmp, "warehouse.db");
    const dir = migrationsDir("m", [], {
      "20300101000000_b": `CREATE TABLE "B" (id INTEGER REFERENCES "A"(id));`,
      "20200101000000_a": `CREATE TABLE "A" (id INTEGER PRIMARY KEY);`,
      "20400101000000_c": `INSERT INTO "A" (id) VALUES (1); INSERT INTO "B" (id) VALUES (1);`,
    });
    expect(migrate(file, dir).applied).toEqual(["20200101000000_a", "20300101000000_b", "20400101000000_c"]);
  });

  it("ignores folders without a migration.sql and loose files", () => {
    const file = path.join(tmp, "warehouse.db");
    const dir = migrationsDir("m", [], { "20200101000000_a": `CREATE TABLE "A" (id INTEGER);` });
    fs.mkdirSync(path.join(dir, "20210101000000_empty"));
    fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
    expect(migrate(file, dir).applied).toEqual(["20200101000000_a"]);
  });

  it("applies a failing migration not at all and records nothing for it", () => {
    const file = path.join(tmp, "warehouse.db");
    const good = migrationsDir("good", [], { "20200101000000_a": `CREATE TABLE "A" (id INTEGER);` });
    migrate(file, good);
    const bad = migrationsDir("bad", [], {
      "20200101000000_a": `CREATE TABLE "A" (id INTEGER);`,
      "20210101000000_broken": `CREATE TABLE "Half" (id INTEGER); THIS IS NOT SQL;`,
    });
    expect(() => migrate(file, bad)).toThrow();
    expect(tables(file)).not.toContain("Half");
    expect(recorded(file).map((r) => r.migration_name)).toEqual(["20200101000000_a"]);

    // Once fixed, it applies.
    fs.writeFileSync(path.join(bad, "20210101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id INTEGER);`);
    expect(migrate(file, bad).applied).toEqual(["20210101000000_broken"]);
    expect(tables(file)).toContain("Half");
  });

  it("warns about a migration edited after it was applied, without applying it again", () => {
    const file = path.join(tmp, "warehouse.db");
    const dir = migrationsDir("m", [], { "20200101000000_a": `CREATE TABLE "A" (id INTEGER);` });
    migrate(file, dir);
    fs.writeFileSync(path.join(dir, "20200101000000_a", "migration.sql"), `CREATE TABLE "A" (id INTEGER, extra TEXT);`);
    expect(migrate(file, dir)).toEqual({ applied: [], warnings: ["migration 20200101000000_a was edited after it was applied"] });
    expect(recorded(file)).toHaveLength(1);
  });

  it("warns about a migration the database has and the code does not know", () => {
    const file = path.join(tmp, "warehouse.db");
    const both = migrationsDir("both", [], { "20200101000000_a": `CREATE TABLE "A" (id INTEGER);`, "20210101000000_b": `CREATE TABLE "B" (id INTEGER);` });
    migrate(file, both);
    const older = migrationsDir("older", [], { "20200101000000_a": `CREATE TABLE "A" (id INTEGER);` });
    expect(migrate(file, older)).toEqual({ applied: [], warnings: ["database has migration 20210101000000_b this code does not know"] });
  });
});
