import { gql } from "graphql-request";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientEnv, TmuxClient } from "../helpers/client.ts";
import { Federation } from "../helpers/federation.ts";

const fed = new Federation();
let env: Record<string, string>;
let session: TmuxClient | undefined;
const CREATE = gql`mutation ($w: ID!, $sku: ID!, $name: String!, $q: Int!) {
  createProduct(warehouseId: $w, input: { sku: $sku, name: $name, price: "14.90", quantity: $q }) { sku }
}`;
/** What the screen shows after the last occurrence of `marker` (the history above it is older). */
const after = (screen: string, marker: string) => screen.slice(screen.lastIndexOf(marker));

beforeAll(async () => {
  await fed.start(["madrid", "barcelona"]);
  await fed.gateway.client.request(CREATE, { w: "madrid", sku: "CASC-01", name: "Casco de seguridad", q: 10 });
  await fed.gateway.client.request(CREATE, { w: "barcelona", sku: "CASC-01", name: "Casco de seguridad", q: 20 });
  await fed.gateway.client.request(CREATE, { w: "barcelona", sku: "TORN-M6", name: "Tornillo M6 (caja 100)", q: 50 });
  env = await clientEnv(fed.gateway.url);
});
afterEach(() => session?.kill());
afterAll(async () => {
  await fed.stop();
});

describe("the interactive client in a terminal", () => {
  it("searches, reserves, shows the stock change, and comes back to the menu after an error", async () => {
    const s = (session = await TmuxClient.start([], env));
    await s.waitFor(/Online: barcelona, madrid\.[\s\S]*What do you want to do\?/, "the main menu");
    s.keys("Enter"); // Search products (first)
    await s.waitFor(/\? Product \(type part of the sku or name\)/, "the product prompt");
    s.type("casc");
    await s.waitFor(/\? Product.*casc\n.*CASC-01\s+Casco de seguridad/, "the suggestion");
    s.keys("Enter");
    let screen = await s.waitFor(/Next, for CASC-01/, "the product card");
    expect(after(screen, "Warehouse  On hand")).toMatch(/barcelona\s+20\s+0\s+20[\s\S]*madrid\s+10\s+0\s+10/);

    s.keys("Enter"); // Reserve stock
    await s.waitFor(/\? Warehouse/, "the warehouse prompt");
    s.keys("Enter"); // barcelona, first of the online ones
    await s.waitFor(/\? Quantity/, "the quantity prompt");
    s.type("3");
    s.keys("Enter");
    await s.waitFor(/\? Reference/, "the reference prompt");
    s.keys("Enter");
    await s.waitFor(/\? Release by itself/, "the expiry prompt");
    s.keys("Enter");
    screen = await s.waitFor((text) => /Next, for CASC-01/.test(after(text, "Reserved 3 × CASC-01 in barcelona")), "the card after reserving");
    expect(after(screen, "Reserved 3 × CASC-01 in barcelona")).toMatch(/barcelona\s+20\s+3\s+17[\s\S]*Total\s+30\s+3\s+27/);
    const { warehouse } = await fed.gateway.client.request<any>(gql`{ warehouse(id: "barcelona") { reservations(sku: "CASC-01") { quantity status } } }`);
    expect(warehouse.reservations).toEqual([{ quantity: 3, status: "ACTIVE" }]);

    // Too many: the error says how many are available, and the menu comes back.
    s.keys("Enter");
    await s.waitFor((text) => /\? Warehouse/.test(after(text, "Reserved 3 ×")), "the warehouse prompt again");
    s.keys("Enter");
    await s.waitFor((text) => /\? Quantity/.test(after(text, "Reserved 3 ×")), "the quantity prompt again");
    s.type("999");
    s.keys("Enter");
    await s.waitFor((text) => /\? Reference/.test(after(text, "Quantity · 999")), "the reference prompt again");
    s.keys("Enter");
    await s.waitFor((text) => /\? Release by itself/.test(after(text, "Quantity · 999")), "the expiry prompt again");
    s.keys("Enter");
    screen = await s.waitFor((text) => /What do you want to do\?/.test(after(text, "only 17 available")), "the menu after the error");
    expect(screen).toContain("Not enough stock in barcelona: only 17 available (999 asked).");
  });

  it("autocompletes names with brackets, cancels with Ctrl-C back to the menu, and exits with Ctrl-C", async () => {
    const s = (session = await TmuxClient.start([], { ...env, LANG: "es_ES.UTF-8" }));
    await s.waitFor(/¿Qué desea hacer\?/, "the main menu");
    s.keys("Down", "Enter"); // Existencias de un sku
    await s.waitFor(/\? Producto/, "the product prompt");
    s.type("(caja");
    await s.waitFor(/\? Producto.*\(caja\n.*TORN-M6/, "the suggestion");
    s.keys("Enter");
    const screen = await s.waitFor(/TORN-M6  Tornillo M6 \(caja 100\)\nAlmacén/, "the stock table");
    expect(after(screen, "TORN-M6  Tornillo")).toMatch(/barcelona\s+50\s+0\s+50/);

    await s.waitFor((text) => /¿Qué desea hacer\?/.test(after(text, "Total ")), "the menu again");
    s.keys("Enter");
    await s.waitFor((text) => /\? Producto/.test(after(text, "Total ")), "a second product prompt");
    s.keys("C-c");
    await s.waitFor((text) => /¿Qué desea hacer\?/.test(after(text, "Cancelado.")), "the menu after cancelling");
    s.keys("C-c");
    await s.waitFor(/Hasta luego\./, "the goodbye");
    expect(await s.exited()).toBe(0);
  });
});
