import { GraphQLScalarType, Kind } from "graphql";
import { createGraphQLError } from "@graphql-tools/utils";

const badInput = (message: string) => createGraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

function parseDateTime(value: unknown): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw badInput(`DateTime must be an ISO 8601 date-time like "2026-01-31T00:00:00Z"`);
  return date.toISOString();
}

/** ISO 8601 strings in and out; values stay strings so they cross the worker boundary unchanged. */
export const DateTime = new GraphQLScalarType({
  name: "DateTime",
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

const DECIMAL = /^-?\d{1,12}(\.\d{1,12})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" && Number.isInteger(value) ? String(value) : null;
  if (text === null || !DECIMAL.test(text)) throw badInput(`Decimal must be a string like "12.50"`);
  return text;
}

/** Exact amounts as strings: never a float anywhere between the client and the database. */
export const Decimal = new GraphQLScalarType({
  name: "Decimal",
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT ? Number(ast.value) : null),
});
