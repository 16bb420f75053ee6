import {
  getNamedType, isEnumType, isListType, isNonNullType, isObjectType, isScalarType, Kind,
  type GraphQLOutputType, type GraphQLInputType, type GraphQLSchema, type SelectionSetNode, typeFromAST,
} from "graphql";
import type { RestOperation } from "./operations.ts";

type JsonSchema = Record<string, unknown>;

/** The OpenAPI 3.1 document of the REST routes, derived from the persisted operations and the schema. */
export function buildOpenApi(schema: GraphQLSchema, operations: RestOperation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const openapiPath = op.path.replace(/:([A-Za-z]+)/g, "{$1}");
    const inputs = op.variables.map((v) => ({ ...v, schema: inputSchema(typeFromAST(schema, v.type as never) as GraphQLInputType) }));
    const parameters = inputs
      .filter((v) => op.pathParams.includes(v.name) || op.method === "GET")
      .map((v) => ({ name: v.name, in: op.pathParams.includes(v.name) ? "path" : "query", required: op.pathParams.includes(v.name) || v.required, schema: v.schema }));
    const bodyFields = op.method === "GET" ? [] : inputs.filter((v) => !op.pathParams.includes(v.name));
    const rootType = op.operation.operation === "mutation" ? schema.getMutationType()! : schema.getQueryType()!;
    const rootSelection = op.operation.selectionSet.selections[0]!;
    const field = rootSelection.kind === Kind.FIELD ? rootType.getFields()[rootSelection.name.value] : undefined;
    let responseSchema: JsonSchema = field && rootSelection.kind === Kind.FIELD ? outputSchema(field.type, rootSelection.selectionSet) : {};
    if (op.resultPath.length === 2) responseSchema = (responseSchema.properties as Record<string, JsonSchema>)?.[op.resultPath[1]!] ?? {};
    const bodySchema = bodyFields.length === 1 && bodyFields[0]!.name === "input"
      ? bodyFields[0]!.schema
      : { type: "object", properties: Object.fromEntries(bodyFields.map((v) => [v.name, v.schema])), required: bodyFields.filter((v) => v.required).map((v) => v.name) };
    (paths[openapiPath] ??= {})[op.method.toLowerCase()] = {
      operationId: op.name,
      summary: op.description,
      parameters,
      ...(bodyFields.length ? { requestBody: { required: true, content: { "application/json": { schema: bodySchema } } } } : {}),
      responses: {
        "200": { description: "OK", content: { "application/json": { schema: responseSchema } } },
        default: { description: "An error; `error.code` is one of the API's codes", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Warehouse federation REST API", version: "1.0.0", description: "Persisted GraphQL operations of the gateway served as REST routes." },
    paths,
    components: {
      schemas: {
        Error: {
          type: "object",
          properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" }, warehouseId: { type: "string" } }, required: ["code", "message"] } },
        },
      },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
    security: [{ bearer: [] }],
  };
}

function scalarSchema(name: string): JsonSchema {
  switch (name) {
    case "Int": return { type: "integer" };
    case "Float": return { type: "number" };
    case "Boolean": return { type: "boolean" };
    case "DateTime": return { type: "string", format: "date-time" };
    case "Decimal": return { type: "string", pattern: "^-?\\d+(\\.\\d+)?$" };
    default: return { type: "string" };
  }
}

function inputSchema(type: GraphQLInputType): JsonSchema {
  const nullable = !isNonNullType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  let schema: JsonSchema;
  if (isListType(inner)) schema = { type: "array", items: inputSchema(inner.ofType) };
  else if (isEnumType(inner)) schema = { type: "string", enum: inner.getValues().map((v) => v.name) };
  else if (isScalarType(inner)) schema = scalarSchema(inner.name);
  else {
    const fields = Object.values((inner as { getFields(): Record<string, { name: string; type: GraphQLInputType }> }).getFields());
    schema = { type: "object", properties: Object.fromEntries(fields.map((f) => [f.name, inputSchema(f.type)])), required: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) };
  }
  return nullable && !isNonNullType(type) ? { ...schema, nullable: true } : schema;
}

function outputSchema(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): JsonSchema {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return { type: "array", items: outputSchema(inner.ofType, selectionSet) };
  const named = getNamedType(inner);
  if (isEnumType(named)) return { type: "string", enum: named.getValues().map((v) => v.name) };
  if (isScalarType(named)) return scalarSchema(named.name);
  if (!isObjectType(named) || !selectionSet) return { type: "object" };
  const properties: Record<string, JsonSchema> = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field = named.getFields()[selection.name.value];
    if (field) properties[selection.alias?.value ?? selection.name.value] = outputSchema(field.type, selection.selectionSet);
  }
  return { type: "object", properties };
}
