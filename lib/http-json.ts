import { AppError } from "./errors.ts";
import { httpStatusOf } from "../schema/errors.ts";

type ResponseCtor = typeof Response;

/** A JSON answer for a yoga `onRequest` route. */
export function jsonResponse(Response: ResponseCtor, status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** An error as REST answers it: the code's HTTP status and `{ error: { code, message, ...details } }`. */
export function errorResponse(Response: ResponseCtor, error: unknown): Response {
  const app = error instanceof AppError ? error : new AppError("INTERNAL_SERVER_ERROR", "Unexpected error");
  return jsonResponse(Response, httpStatusOf(app.code), { error: { ...app.details, code: app.code, message: app.message } });
}
