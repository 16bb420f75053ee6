/** People's roles, each allowed what the one before it is, and more. */
export const ROLES = ["viewer", "clerk", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export const atLeast = (role: Role, required: Role) => ROLES.indexOf(role) >= ROLES.indexOf(required);

/**
 * The least role a root field needs. Reads are for everyone with a token; clerks handle stock
 * day to day; managers change the catalogue and move stock between sites. A mutation missing here
 * needs admin, so a new one is closed until someone decides otherwise.
 */
const MUTATION_ROLES: Record<string, Role> = {
  reserve: "clerk",
  releaseReservation: "clerk",
  fulfillReservation: "clerk",
  recordMovement: "clerk",
  createProduct: "manager",
  updateProduct: "manager",
  deleteProduct: "manager",
  transferStock: "manager",
  cancelTransfer: "manager",
};

export function requiredRole(operation: "query" | "mutation" | "subscription", fieldName: string): Role {
  if (operation === "query") return "viewer";
  return MUTATION_ROLES[fieldName] ?? "admin";
}
