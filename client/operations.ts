import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from "graphql";

const OPERATIONS_DIR = fileURLToPath(new URL("../schema/operations", import.meta.url));

/** A named GraphQL operation the client can send, as its own one-operation document. */
export interface Operation {
  name: string;
  kind: "query" | "mutation";
  document: DocumentNode;
  definition: OperationDefinitionNode;
}

/**
 * Every persisted operation: the top-level ones the gateway also serves as REST, and the client's own
 * in `client/`. Read once at start-up so a typo in a document fails before any prompt is shown.
 */
export function loadOperations(dir = OPERATIONS_DIR): Map<string, Operation> {
  const files = [
    ...fs.readdirSync(dir).filter((f) => f.endsWith(".graphql")).map((f) => path.join(dir, f)),
    ...fs.readdirSync(path.join(dir, "client")).filter((f) => f.endsWith(".graphql")).map((f) => path.join(dir, "client", f)),
  ];
  const operations = new Map<string, Operation>();
  const ownNames = new Set<string>();
  for (const file of files) {
    const own = path.dirname(file).endsWith("client");
    for (const definition of parse(fs.readFileSync(file, "utf8")).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
      const name = definition.name.value;
      // The client's own document wins over a top-level one of the same name (added later for REST).
      if (own && ownNames.has(name)) throw new Error(`${file}: operation ${name} is defined twice`);
      if (own) ownNames.add(name);
      operations.set(name, {
        name,
        kind: definition.operation === "mutation" ? "mutation" : "query",
        document: { kind: Kind.DOCUMENT, definitions: [definition] },
        definition,
      });
    }
  }
  return operations;
}
