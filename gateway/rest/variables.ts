import type { RestOperation } from "./operations.ts";

/**
 * The GraphQL variables of a REST call: path parameters, then the query string (GET) or the JSON
 * body (POST). Query-string values are typed by the operation's variable types; a value that does
 * not parse is passed on as text so GraphQL reports it as BAD_USER_INPUT.
 */
export function restVariables(operation: RestOperation, params: Record<string, string>, query: URLSearchParams, body: unknown): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const declared = new Map(operation.variables.map((v) => [v.name, v]));
  if (operation.method === "GET") {
    for (const [name, raw] of query) if (declared.has(name)) variables[name] = fromText(raw, declared.get(name)!.typeName);
  } else if (body && typeof body === "object" && !Array.isArray(body)) {
    const fields = body as Record<string, unknown>;
    // A mutation taking one `input` object accepts that object as the whole body.
    if (declared.has("input") && !("input" in fields)) variables.input = fields;
    else for (const [name, value] of Object.entries(fields)) if (declared.has(name)) variables[name] = value;
  }
  for (const [name, value] of Object.entries(params)) variables[name] = value;
  return variables;
}

function fromText(raw: string, typeName: string): unknown {
  if (typeName === "Int") return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeName === "Boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}
