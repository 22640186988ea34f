/**
 * The embed's gate (docs/embedding.md): which host pages an embed takes commands from — exact
 * origins only, none by default — and that only valid commands, read through `parseCommand`,
 * reach the store. Driven through a real store and the real model.
 */
import { describe, expect, it } from "vitest";
import { MAX_WRITES } from "../scenario/limit";
import { DEFAULT_CONFIG } from "../scenario/session";
import { createDiagramStore } from "../store/store";
import { scenarioOf } from "./events";
import { allowedOrigins, commandHandler, unlistedWarning, type Incoming } from "./frame";

describe("allowedOrigins", () => {
  it.each([
    ["?embed=1", [], []],
    ["?origin=https://docs.example.org", ["https://docs.example.org"], []],
    [
      "?origin=https://a.example,%20http://localhost:3000",
      ["https://a.example", "http://localhost:3000"],
      [],
    ],
    // Empty items (a trailing comma, a doubled one) are nothing to warn about.
    ["?origin=https://a.example,,", ["https://a.example"], []],
    // Not an origin as the browser writes it: a path, a trailing slash, a wildcard, "null".
    ["?origin=https://a.example/docs", [], ["https://a.example/docs"]],
    ["?origin=https://a.example/", [], ["https://a.example/"]],
    ["?origin=*", [], ["*"]],
    ["?origin=null", [], ["null"]],
    ["?origin=HTTPS://A.EXAMPLE", [], ["HTTPS://A.EXAMPLE"]],
    ["?origin=docs.example.org", [], ["docs.example.org"]],
    ["?origin=https://a.example,*", ["https://a.example"], ["*"]],
  ])("%s allows %j", (search, origins, rejected) => {
    expect(allowedOrigins(search)).toEqual({ origins, rejected });
  });
});

describe("unlistedWarning", () => {
  it("names the host page and the origin= that would let it in", () => {
    expect(unlistedWarning("http://localhost:5173", ["https://docs.example.org"])).toBe(
      "the host page http://localhost:5173 is not in this embed's origin= (https://docs.example.org): its commands are ignored and it hears only the frame's height. Add it: origin=https://docs.example.org,http://localhost:5173",
    );
  });
});

const HOST = {} as MessageEventSource;
const ISSUE = { type: "kvm-cache-diagram:issue", version: 1, kind: "osync" };

/** An embed framed with `search`, its store, what it warned, and what the host sees of it. */
function embed(search: string) {
  const store = createDiagramStore(DEFAULT_CONFIG);
  const warnings: string[] = [];
  const { origins } = allowedOrigins(search);
  const onMessage = commandHandler(store, HOST, origins, (text) => warnings.push(text));
  const seen = () => {
    const s = store.getState();
    return { scenario: scenarioOf(s), tMs: s.tMs, playing: s.playing };
  };
  const send = (origin: string, data: unknown, source: MessageEventSource | null = HOST) => {
    onMessage({ source, origin, data } satisfies Incoming);
  };
  return { store, warnings, seen, send };
}

describe("commandHandler: who may command an embed", () => {
  const LISTED = "?embed=1&origin=https://docs.example.org";

  it("runs a command from the host page at an exactly listed origin", () => {
    const { seen, send, warnings } = embed(LISTED);
    send("https://docs.example.org", ISSUE);
    expect(seen().scenario.ops).toEqual([{ at: 0, kind: "osync" }]);
    expect(warnings).toEqual([]);
  });

  it.each([
    ["a suffix added", "https://docs.example.org.evil.test"],
    ["a prefix added", "https://evil.docs.example.org"],
    ["cut short", "https://docs.example.or"],
    ["another port", "https://docs.example.org:8443"],
    ["another scheme", "http://docs.example.org"],
    ["letter case", "https://DOCS.example.org"],
    ["a path", "https://docs.example.org/"],
    ["an opaque origin", "null"],
    ["no origin", ""],
    ["a wildcard", "*"],
  ])("refuses the listed origin with %s (%s)", (_trick, origin) => {
    const { seen, send, warnings } = embed(LISTED);
    const before = seen();
    send(origin, ISSUE);
    expect(seen()).toEqual(before);
    expect(warnings).toEqual([`ignored a message from ${origin}: not an allowed origin (origin=)`]);
  });

  it("with no origin listed, takes nothing from anyone", () => {
    const { seen, send } = embed("?embed=1");
    const before = seen();
    for (const origin of ["https://docs.example.org", "null", "", "*"]) send(origin, ISSUE);
    expect(seen()).toEqual(before);
  });

  // A pattern is taken literally: no browser sends "https://*.example.org" as an origin.
  it.each(["*", "null", "https://*.example.org", "https://docs.example.org/"])(
    "origin=%s allows no origin a browser sends",
    (listed) => {
      const { seen, send } = embed(`?embed=1&origin=${encodeURIComponent(listed)}`);
      const before = seen();
      for (const origin of ["*", "null", "https://docs.example.org", "https://x.example.org"]) {
        send(origin, ISSUE);
      }
      expect(seen()).toEqual(before);
    },
  );

  it("with several listed, takes each of them and nothing between or beside them", () => {
    const { seen, send } = embed("?origin=https://a.example,https://b.example:8080");
    send("https://a.example", ISSUE);
    send("https://b.example:8080", ISSUE);
    expect(seen().scenario.ops).toHaveLength(2);
    for (const origin of [
      "https://a.example,https://b.example:8080",
      "https://b.example",
      "https://c.example",
      "https://a.example:8080",
    ]) {
      send(origin, ISSUE);
    }
    expect(seen().scenario.ops).toHaveLength(2);
  });

  it("refuses a message from an allowed origin that is not the host page (another frame, a popup)", () => {
    const { seen, send, warnings } = embed(LISTED);
    const before = seen();
    send("https://docs.example.org", ISSUE, {} as MessageEventSource);
    send("https://docs.example.org", ISSUE, null);
    expect(seen()).toEqual(before);
    expect(warnings).toEqual([
      "ignored a message not from the host page",
      "ignored a message not from the host page",
    ]);
  });
});

describe("commandHandler: every command through the validator", () => {
  const ALLOWED = "https://docs.example.org";
  const at = (search = `?origin=${ALLOWED}`) => {
    const e = embed(search);
    return {
      ...e,
      command: (data: unknown) => {
        e.send(ALLOWED, data);
      },
    };
  };
  const type = (name: string) => `kvm-cache-diagram:${name}`;
  const SCENARIO = {
    version: 1,
    config: { mode: "none", guestBarriers: false, guestFs: "ext3", diskCache: "off" },
    ops: [
      { at: 0, kind: "normal" },
      { at: 2, kind: "barrier" },
    ],
  };

  it("load replaces the document and moves the playhead to its tMs", () => {
    const { seen, command } = at();
    command({ type: type("load"), version: 1, scenario: SCENARIO, tMs: 1 });
    expect(seen()).toEqual({ scenario: SCENARIO, tMs: 1, playing: false });
  });

  it("play and pause start and stop playback", () => {
    const { seen, command } = at();
    command({ type: type("play"), version: 1 });
    expect(seen().playing).toBe(true);
    command({ type: type("pause"), version: 1 });
    expect(seen().playing).toBe(false);
  });

  it("seek moves the playhead", () => {
    const { seen, command } = at();
    command({ type: type("load"), version: 1, scenario: SCENARIO });
    command({ type: type("seek"), version: 1, tMs: 2 });
    expect(seen().tMs).toBe(2);
  });

  it("issue adds a write of its kind; fail strikes a failure of its kind", () => {
    const { seen, command } = at();
    command({ type: type("issue"), version: 1, kind: "odirect" });
    command({ type: type("fail"), version: 1, kind: "qemu" });
    expect(seen().scenario).toMatchObject({
      ops: [{ at: 0, kind: "odirect" }],
      crash: { at: 0, kind: "qemu" },
    });
  });

  /** SCENARIO with `n` writes, one every millisecond. */
  const holding = (n: number) => ({
    ...SCENARIO,
    ops: Array.from({ length: n }, (_, i) => ({ at: i, kind: "normal" })),
  });

  it("load takes a scenario with as many writes as the page keeps; issue then refuses a further one", () => {
    const { seen, command, warnings } = at();
    command({ type: type("load"), version: 1, scenario: holding(MAX_WRITES) });
    const full = seen();
    expect(full.scenario.ops).toHaveLength(MAX_WRITES);
    command({ type: type("issue"), version: 1, kind: "osync" });
    expect(seen()).toEqual(full);
    expect(warnings).toEqual([
      "ignored a message: ops: at most 5000 writes in the page, got 5001 (npm run scenario reads up to 100000)",
    ]);
  });

  it.each([
    [null, "not an object"],
    [42, "not an object"],
    [[ISSUE], "not an object"],
    [{ ...ISSUE, type: "issue" }, 'type: expected "kvm-cache-diagram:<command>"'],
    [
      { ...ISSUE, type: type("__proto__") },
      'type: unknown command "__proto__" (commands: load, play, pause, seek, issue, fail, measure)',
    ],
    [{ ...ISSUE, version: "1" }, "version: expected 1"],
    [{ ...ISSUE, junk: 1 }, "junk: unknown field"],
    [{ type: type("play"), version: 1, tMs: 0 }, "tMs: unknown field"],
    [{ type: type("pause"), version: 1, kind: "x" }, "kind: unknown field"],
    [{ type: type("seek"), version: 1, tMs: -1 }, "tMs: expected a number of milliseconds"],
    [{ type: type("seek"), version: 1, tMs: Infinity }, "tMs: expected a number"],
    [{ type: type("seek"), version: 1, tMs: NaN }, "tMs: expected a number"],
    [{ type: type("seek"), version: 1 }, "tMs: expected a number"],
    [{ type: type("issue"), version: 1, kind: "fsync" }, "kind: expected one of normal"],
    [{ type: type("issue"), version: 1 }, "kind: expected one of normal"],
    [{ type: type("fail"), version: 1, kind: "osync" }, "kind: expected one of guest"],
    [{ type: type("load"), version: 1 }, "scenario.document: expected an object"],
    [{ type: type("load"), version: 1, scenario: { ...SCENARIO, version: 9 } }, "scenario."],
    [{ type: type("load"), version: 1, scenario: SCENARIO, tMs: -3 }, "tMs: expected a number"],
    [
      { type: type("load"), version: 1, scenario: holding(MAX_WRITES + 1) },
      "scenario.ops: at most 5000 writes in the page, got 5001",
    ],
  ])("from an allowed origin, %j changes nothing (%s)", (data, reason) => {
    const { seen, command, warnings } = at();
    const before = seen();
    command(data);
    expect(seen()).toEqual(before);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`ignored a message: ${reason}`);
  });

  it("a message whose fields throw when read is warned about, not thrown", () => {
    const { seen, command, warnings } = at();
    const before = seen();
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
      },
    );
    expect(() => {
      command(hostile);
    }).not.toThrow();
    expect(seen()).toEqual(before);
    expect(warnings).toEqual(["ignored a message: boom"]);
  });

  it("a thrown non-error is reported by its text", () => {
    const { command, warnings } = at();
    command(
      new Proxy(
        {},
        {
          get: () => {
            throw "plain"; // eslint-disable-line @typescript-eslint/only-throw-error -- a hostile sender's value
          },
        },
      ),
    );
    expect(warnings).toEqual(["ignored a message: plain"]);
  });
});
