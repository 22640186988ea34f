// @ts-check
/**
 * Mutation testing for the code that keeps users safe (issue 20): the embed's message gate and
 * element, the scenario validator, the address-bar codec and the VM-config import. Stryker changes
 * one thing at a time in these files (a `<` to `<=`, a condition to `true`, a string to "") and
 * runs the unit tests that cover it: a change no test notices is a survivor, a test missing or an
 * equivalent mutant (docs/mutation.md). Not part of `npm test`: `npm run test:mutation` (an area at
 * a time: `npm run test:mutation -- --mutate 'src/embed/**\/*.ts,!src/embed/**\/*.test.ts'`).
 */
const notTests = ["!src/**/*.test.ts", "!src/**/testing.ts"];

// The import's fuzz properties (2 000 runs) and 1 MB inputs (src/import/vmConfig.test.ts) cover
// nearly every import mutant and run again for each: 20 runs and 10 kB here (a mutant that only
// makes a scan quadratic may survive: docs/mutation.md); the ordinary test run keeps the full
// ones. The test runners Stryker starts inherit this environment.
process.env.FUZZ_RUNS ??= "20";
process.env.HOSTILE_CHARS ??= "10000";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vite.config.ts" },
  mutate: [
    "src/embed/**/*.ts",
    "src/scenario/schema.ts",
    "src/scenario/fields.ts",
    "src/scenario/readable.ts",
    "src/scenario/params.ts",
    "src/link/url.ts",
    "src/link/urlWrite.ts",
    "src/import/**/*.ts",
    ...notTests,
  ],
  coverageAnalysis: "perTest",
  concurrency: 2,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  // A module-level mutant re-runs every test that imports the module (most of the suite, for the
  // validator): 95 % of the time on 2 cores. The bounds they hold are pinned by unit tests.
  ignoreStatic: true,
  // Issue 20: ≥ 85 % for the embed, the validator and the codec, ≥ 75 % for the import; a run over
  // all four fails below the lower bar (docs/mutation.md gives the score per area).
  thresholds: { high: 90, low: 85, break: 75 },
};
