import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, type OperationDefinitionNode, type TypeNode } from "graphql";

export const OPERATIONS_DIR = fileURLToPath(new URL("../../schema/operations", import.meta.url));

/** A persisted GraphQL document served as one REST route; its first comment line is `METHOD /path/:param`. */
export interface RestOperation {
  name: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  description: string;
  document: string;
  operation: OperationDefinitionNode;
  /** The root field whose value is the response body. */
  rootField: string;
  /**
   * Where the body is in `data`: the root field, or its only sub-field when the root merely picks a
   * warehouse (`warehouse(id) { product(sku) {…} }` answers with the product).
   */
  resultPath: string[];
  pathParams: string[];
  variables: { name: string; type: TypeNode; required: boolean; typeName: string }[];
  match(method: string, pathname: string): Record<string, string> | null;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

export function loadOperations(dir = OPERATIONS_DIR): RestOperation[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => parseOperation(fs.readFileSync(path.join(dir, file), "utf8"), file));
}

export function parseOperation(text: string, file: string): RestOperation {
  const comments = text.split("\n").filter((line) => line.startsWith("#")).map((line) => line.replace(/^#\s?/, ""));
  const route = /^(GET|POST|PUT|DELETE)\s+(\/\S*)$/.exec(comments[0] ?? "");
  if (!route) throw new Error(`${file}: the first line must be a comment like "# GET /api/thing/:id"`);
  const operation = parse(text).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation?.name) throw new Error(`${file}: needs one named operation`);
  const root = operation.selectionSet.selections[0];
  if (operation.selectionSet.selections.length !== 1 || root?.kind !== Kind.FIELD) throw new Error(`${file}: select exactly one root field`);
  const routePath = route[2]!;
  const only = root.selectionSet?.selections.length === 1 ? root.selectionSet.selections[0] : undefined;
  const resultPath = only?.kind === Kind.FIELD && only.selectionSet ? [root.name.value, only.name.value] : [root.name.value];
  const pathParams = [...routePath.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const pattern = new RegExp(`^${routePath.replace(/:([A-Za-z]+)/g, "([^/]+)")}/?$`);
  return {
    name: operation.name.value,
    method: route[1] as RestOperation["method"],
    path: routePath,
    description: comments.slice(1).join(" "),
    document: text,
    operation,
    rootField: root.name.value,
    resultPath,
    pathParams,
    variables: (operation.variableDefinitions ?? []).map((v) => ({
      name: v.variable.name.value,
      type: v.type,
      required: v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue,
      typeName: namedType(v.type),
    })),
    match(method, pathname) {
      if (method !== route[1]) return null;
      const found = pattern.exec(pathname);
      if (!found) return null;
      return Object.fromEntries(pathParams.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
    },
  };
}
