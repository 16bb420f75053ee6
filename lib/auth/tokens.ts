import { randomUUID } from "node:crypto";
import { errors, importPKCS8, importSPKI, jwtVerify, SignJWT } from "jose";
import { isRole, type Role } from "./roles.ts";

const ISSUER = "warehouse-federation";

/** Who is calling, from a verified token. */
export interface Principal {
  /** The person (or script) the token was issued to; recorded on movements as the actor. */
  subject: string;
  role: Role;
  /** Warehouses the token may act on; null means all. */
  warehouses: string[] | null;
  tokenId: string;
}

export type AuthFailure = { failure: string };

export async function issueToken(
  privateKeyPem: string,
  claims: { subject: string; role: Role; warehouses?: string[] | null; ttlSeconds: number },
): Promise<{ token: string; tokenId: string; expiresAt: Date }> {
  const key = await importPKCS8(privateKeyPem, "ES256");
  const tokenId = randomUUID();
  const expiresAt = new Date(Date.now() + claims.ttlSeconds * 1000);
  const token = await new SignJWT({ role: claims.role, ...(claims.warehouses?.length ? { warehouses: claims.warehouses } : {}) })
    .setProtectedHeader({ alg: "ES256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setSubject(claims.subject)
    .setJti(tokenId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
  return { token, tokenId, expiresAt };
}

/** Tokens whose signature was checked, so a busy client costs one ES256 verification, not one per request. */
const MAX_CACHED = 10_000;

/**
 * Verifies signature, issuer, expiry and claims; a failure says why, for the error message.
 * A verified token is remembered until it expires (revocation is checked by the caller every time).
 */
export function createVerifier(publicKeyPem: string) {
  let key: ReturnType<typeof importSPKI> | null = null;
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();
  return async (token: string): Promise<Principal | AuthFailure> => {
    const known = verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.principal;
    if (known) verified.delete(token);
    key ??= importSPKI(publicKeyPem, "ES256");
    try {
      const { payload } = await jwtVerify(token, await key, { issuer: ISSUER, algorithms: ["ES256"] });
      const warehouses = payload.warehouses;
      if (!isRole(payload.role) || !payload.sub || !payload.jti || !payload.exp) return { failure: "The token lacks a role, subject, id or expiry" };
      if (warehouses !== undefined && (!Array.isArray(warehouses) || !warehouses.every((w) => typeof w === "string")))
        return { failure: "The token's warehouses claim is malformed" };
      const principal: Principal = { subject: payload.sub, role: payload.role, warehouses: (warehouses as string[] | undefined) ?? null, tokenId: payload.jti };
      if (verified.size >= MAX_CACHED) verified.delete(verified.keys().next().value!);
      verified.set(token, { principal, expiresAt: payload.exp * 1000 });
      return principal;
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { failure: "The token has expired" };
      return { failure: "The token is not valid" };
    }
  };
}
