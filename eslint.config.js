// @ts-check
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Our top-level folders under src/: a layer may import only those it lists. */
const LAYERS = [
  "model",
  "scenario",
  "geometry",
  "tours",
  "import",
  "store",
  "text",
  "link",
  "cli",
  "anim",
  "ui",
  "embed",
];

/**
 * One `no-restricted-imports` block per layer: a relative import whose path names a folder the
 * layer may not use fails lint (and so `npm test`).
 * @param {Record<string, string[]>} allowed
 */
function layerRules(allowed) {
  return Object.entries(allowed).flatMap(([layer, below]) => {
    const banned = LAYERS.filter((name) => name !== layer && !below.includes(name));
    // A file d folders below src/ reaches another layer through exactly d "../" segments.
    return [1, 2, 3].map((depth) => ({
      files: [`src/${layer}/${"*/".repeat(depth - 1)}*.{ts,tsx}`],
      ignores: ["src/**/*.test.{ts,tsx}"],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                regex: `^(?:\\.\\./){${String(depth)}}(?:${banned.join("|")})(?:/|$)`,
                message: `src/${layer}/ may import only ${below.length ? below.join(", ") : "nothing else of ours"} (docs/architecture.md).`,
              },
            ],
          },
        ],
      },
    }));
  });
}

export default defineConfig(
  globalIgnores([
    "**/dist/",
    "lab/out/",
    "node_modules/",
    "playwright-report/",
    "test-results/",
    "coverage/",
    // The docs sites e2e/sites.spec.ts builds, and their tools.
    "e2e/sites/*/site/",
    "e2e/sites/*/node_modules/",
    // Stryker's sandbox (a copy of the project, mutated) and its reports: npm run test:mutation.
    ".stryker-tmp/",
    "reports/mutation/",
  ]),

  // Plain JavaScript (this file, scripts/*.mjs): recommended rules, no type information.
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: { ...globals.node },
    },
  },

  // TypeScript everywhere (src, e2e, bench, scripts, config files): type-aware strict rules.
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [
      js.configs.recommended,
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
      reactHooks.configs.flat.recommended,
    ],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  // Browser globals for the app, Node globals for code that runs under Node.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/cli/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["src/cli/**", "lab/**", "bench/**", "e2e/**", "scripts/**", "*.config.ts"],
    languageOptions: { globals: { ...globals.node } },
  },

  // The layers (docs/architecture.md): each folder may import only from the folders below it, so
  // the arrows of the architecture point one way. Tests are exempt: a test may render the
  // component that shows its module's output.
  ...layerRules({
    model: [],
    scenario: ["model"],
    geometry: ["model"],
    tours: ["model", "scenario"],
    import: ["model", "scenario"],
    store: ["model", "scenario", "geometry", "tours"],
    text: ["model", "scenario", "geometry", "store", "tours", "import"],
    link: ["model", "scenario", "store", "tours", "text"],
    cli: ["model", "scenario", "text", "import"],
    anim: ["model", "scenario", "geometry", "store", "text"],
    ui: ["model", "scenario", "geometry", "store", "text", "link", "anim", "tours", "import"],
    embed: ["model", "scenario", "store", "text", "link", "ui"],
  }),

  // The lab (docs/lab.md) predicts from the model alone, never from a copy of its rules or from
  // what the page makes of them.
  {
    files: ["lab/**/*.ts"],
    ignores: ["lab/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./src/(?!model/)",
              message: "lab/ may import only src/model (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },

  // Must stay last: turns off rules that conflict with Prettier.
  prettier,
);
