import type { Plugin } from "graphql-yoga";
import { GraphQLError } from "graphql";

/**
 * graphql-js reports a badly typed argument (1.5 for an Int, 1e12, an unknown enum value) as a
 * validation or coercion error without a code. Users should see BAD_USER_INPUT for those, like for
 * any other bad input (DESIGN.md rule 7).
 */
export function useInputErrorCodes(): Plugin {
  const withCode = (error: unknown) => {
    if (!(error instanceof GraphQLError) || error.extensions?.code) return error;
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
  return {
    onValidate: () => ({ result, setResult }) => {
      if (result.length) setResult(result.map((e) => withCode(e) as GraphQLError));
    },
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if ("errors" in result && result.errors?.length) setResult({ ...result, errors: result.errors.map((e) => withCode(e) as GraphQLError) });
      },
    }),
  };
}
