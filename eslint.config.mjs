import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// server/ holds Node-only code and secrets; the browser side must never import it.
const serverFence = {
  patterns: [
    { group: ["@/server/*", "@/server", "**/server/*"], message: "server/ is server-only; components/ and lib/ must not import it." },
  ],
};
// The demo cluster is a separate apiserver reached through a kubeconfig; the product never reaches into it.
const demoFence = {
  patterns: [
    { group: ["@/server/demo-cluster", "@/server/demo-cluster/*", "**/demo-cluster", "**/demo-cluster/*"], message: "production code must not import server/demo-cluster; share constants through lib/ instead." },
  ],
};
const libFence = {
  patterns: [
    ...serverFence.patterns,
    { group: ["@/components/*", "@/app/*", "react", "react-dom"], message: "lib/ is isomorphic and UI-free." },
    { group: ["node:*"], message: "lib/ runs in the browser too; no node:* modules." },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", "dist/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", serverFence] } },
  { files: ["lib/**/*.ts"], rules: { "no-restricted-imports": ["error", libFence] } },
  // Tests run in Node, never in a page: they may feed client code the server's real answers.
  { files: ["components/**/*.test.{ts,tsx}", "components/testing/**/*.ts", "lib/**/*.test.ts"], rules: { "no-restricted-imports": "off" } },
  {
    files: ["server/**/*.ts", "app/**/*.{ts,tsx}", "proxy.ts"],
    // connectCluster.ts starts the embedded demo (its one way in, answered with a kubeconfig); tests may use the demo.
    ignores: ["server/demo-cluster/**", "server/connectCluster.ts", "**/*.test.ts", "**/*.test.tsx", "**/testing/**"],
    rules: { "no-restricted-imports": ["error", demoFence] },
  },
];

export default config;
