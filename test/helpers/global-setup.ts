import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureServerCert } from "../../certs/generate.ts";
import { ensureTokenKeys } from "../../certs/token-keys.ts";

/** One throw-away company CA for the whole run, so no test touches the repository's certs/. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wms-certs-"));
  for (const id of ["gateway", "madrid", "barcelona", "valencia", "sevilla", "bilbao"]) await ensureServerCert(dir, id);
  await ensureTokenKeys(dir);
  project.provide("certsDir", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    certsDir: string;
  }
}
