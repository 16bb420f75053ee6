import { createGraphQLError } from "@graphql-tools/utils";
import { ErrorCode, isErrorCode } from "../schema/errors.ts";

/** An expected failure with a code from schema/errors.ts; safe to show to users as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** The JSON shape an error takes between processes (worker → node, node → node). */
export interface WireError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function toWireError(error: unknown, dev = false): WireError {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
  const message = dev && error instanceof Error ? error.message : "Unexpected error";
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message };
}

export function fromWireError(wire: WireError): AppError {
  return new AppError(isErrorCode(wire.code) ? wire.code : ErrorCode.INTERNAL_SERVER_ERROR, wire.message, wire.details);
}

/** The GraphQL error yoga lets through unmasked: message plus `extensions.code` and any details. */
export function toGraphQLError(error: AppError) {
  return createGraphQLError(error.message, { extensions: { ...error.details, code: error.code } });
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.NOT_FOUND, message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.CONFLICT, message, details);
export const insufficientStock = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.INSUFFICIENT_STOCK, message, details);
export const dbUnavailable = (message: string) => new AppError(ErrorCode.DB_UNAVAILABLE, message);
