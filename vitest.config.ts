import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql ships CJS and ESM builds; one copy in the test process avoids "another realm" errors.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    pool: "forks",
    // Integration files start real processes; two at a time suits this 2-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
