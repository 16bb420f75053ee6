import type { Plugin } from "graphql-yoga";
import { GraphQLError, type ExecutionResult } from "graphql";

/**
 * graphql-js and the limit plugins report a bad document (a syntax error, 1.5 for an Int, an
 * unknown enum value, a query too deep or too costly) without a code. Users should see
 * BAD_USER_INPUT for those, like for any other bad input (DESIGN.md rule 7). Unexpected errors
 * keep the code yoga's masking gives them.
 */
/** yoga's own names for a bad request; the API has one: BAD_USER_INPUT. */
const YOGA_INPUT_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST"]);

export function useInputErrorCodes(): Plugin {
  const withCode = (error: unknown) => {
    if (!(error instanceof GraphQLError)) return error;
    const code = error.extensions?.code;
    if (code && !YOGA_INPUT_CODES.has(String(code))) return error;
    if (error.originalError && !(error.originalError instanceof GraphQLError)) return error;
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      originalError: error.originalError,
      extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
    });
  };
  const fix = (result: ExecutionResult): ExecutionResult =>
    result.errors?.length ? { ...result, errors: result.errors.map((e) => withCode(e) as GraphQLError) } : result;
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(fix));
      else if (result && typeof result === "object" && "errors" in result) setResult(fix(result as ExecutionResult));
    },
  };
}
