import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createVerifier, issueToken } from "../../lib/auth/tokens.ts";

async function keys() {
  const pair = await generateKeyPair("ES256", { extractable: true });
  return { privateKey: await exportPKCS8(pair.privateKey), publicKey: await exportSPKI(pair.publicKey) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("tokens", () => {
  it("round-trips role, warehouses and subject, and refuses another key's signature", async () => {
    const ours = await keys();
    const theirs = await keys();
    const { token, tokenId } = await issueToken(ours.privateKey, { subject: "ana", role: "clerk", warehouses: ["madrid"], ttlSeconds: 60 });
    expect(await createVerifier(ours.publicKey)(token)).toEqual({ subject: "ana", role: "clerk", warehouses: ["madrid"], tokenId });
    expect(await createVerifier(theirs.publicKey)(token)).toEqual({ failure: "The token is not valid" });
  });

  it("remembers a verified token only until it expires", async () => {
    const { privateKey, publicKey } = await keys();
    const verify = createVerifier(publicKey);
    const { token } = await issueToken(privateKey, { subject: "ana", role: "viewer", ttlSeconds: 60 });
    expect(await verify(token)).toMatchObject({ subject: "ana" });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    expect(await verify(token)).toEqual({ failure: "The token has expired" });
  });
});
