import { makeConfig } from "../src/model/config";
import { simulate } from "../src/model/simulate";
import { randomOps } from "../src/model/testing";
import { OP_KINDS } from "../src/model/timeline";
const n = Number(process.argv[2]);
const config = makeConfig({ cache: "none", guestBarriers: process.argv[3] !== "b0", ...(process.argv[4] === "hb0" ? { hostBarriers: false } : {}) });
const ops = randomOps(n, 60_000, OP_KINDS);
simulate({ config, ops: randomOps(5000, 60_000, OP_KINDS) });
for (let i = 0; i < Number(process.argv[5] ?? 2); i++) simulate({ config, ops });
