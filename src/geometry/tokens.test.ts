/**
 * Tokens: what moves on screen for each operation. A data write's token follows exactly the hops
 * the model computed; a barrier's token follows its flush (green to the platters when passed,
 * stopped at QEMU when cache=unsafe ignores it, stuck in the guest when the guest sends none).
 * tokenPlace is the token's position at a model time: what pause, scrub and reduced motion show.
 */
import { describe, expect, it } from "vitest";
import { opOf, run } from "../model/testing";
import type { OpResult } from "../model/timeline";
import { presentationClock, type PresentationClock } from "./clock";
import { lanePath, polyline, type Point, type Polyline } from "./lanes";
import { restPoint } from "./layout";
import { tokenHops, tokenPlace, type TokenHop } from "./tokens";

/** The clock the app would build: breakpoints at every hop boundary. */
function clockOf(hops: readonly TokenHop[]): PresentationClock {
  return presentationClock(hops.flatMap((h) => [h.startMs, h.endMs]));
}

/** The nearest point of `route` to `p`: how far `p` is from it, and how far along it lies. */
function project(route: Polyline, p: Point): { distance: number; along: number } {
  let best = { distance: Infinity, along: NaN };
  for (let i = 1; i < route.points.length; i++) {
    const a = route.points[i - 1] ?? p;
    const b = route.points[i] ?? p;
    const len2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
    const f =
      len2 > 0
        ? Math.min(1, Math.max(0, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len2))
        : 0;
    const distance = Math.hypot(a.x + f * (b.x - a.x) - p.x, a.y + f * (b.y - a.y) - p.y);
    if (distance < best.distance) {
      best = { distance, along: (route.lengths[i - 1] ?? 0) + f * Math.sqrt(len2) };
    }
  }
  return best;
}

function hopAt(hops: readonly TokenHop[], i: number): TokenHop {
  const h = hops[i];
  if (!h) throw new Error(`no hop ${String(i)}`);
  return h;
}

describe("tokenHops for data writes", () => {
  const cases = [
    { mode: "writeback", barriers: true, kind: "osync" },
    { mode: "writeback", barriers: false, kind: "normal" },
    { mode: "none", barriers: true, kind: "osync" },
    { mode: "none", barriers: false, kind: "odirect" },
    { mode: "writethrough", barriers: false, kind: "osync" },
    { mode: "directsync", barriers: true, kind: "odirect" },
    { mode: "unsafe", barriers: true, kind: "normal" },
  ] as const;

  it.each(cases)("$mode, barriers $barriers, $kind: mirror op.hops", ({ mode, barriers, kind }) => {
    const op = opOf(run({ mode, barriers }, [kind]));
    expect(op.hops.length).toBeGreaterThan(0);
    const hops = tokenHops(op);
    expect(
      hops.map(({ from, to, route, startMs, endMs }) => ({ from, to, route, startMs, endMs })),
    ).toEqual(
      op.hops.map(({ from, to, route, startMs, endMs }) => ({ from, to, route, startMs, endMs })),
    );
  });

  it("each hop travels its route's lane between its boxes", () => {
    const op = opOf(run({ mode: "none", barriers: true }, ["osync"]));
    for (const h of tokenHops(op)) {
      expect(h.lane).toBe(lanePath(h.route, h.from, h.to));
    }
  });

  it("an O_DIRECT write's first hop skips the guest page cache on the bypass lane", () => {
    const op = opOf(run({ mode: "none", barriers: false }, ["odirect"]));
    const first = hopAt(tokenHops(op), 0);
    expect(first).toMatchObject({ from: "guest-app", to: "virtual-disk", route: "in-guest" });
    expect(first.lane).toBe(lanePath("in-guest-bypass", "guest-app", "virtual-disk"));
  });

  it("a buffered write's first hop does not use the bypass lane", () => {
    const op = opOf(run({ mode: "none", barriers: false }, ["normal"]));
    const hops = tokenHops(op);
    expect(hopAt(hops, 0).lane).toBe(lanePath("in-guest", "guest-app", "guest-page-cache"));
    // Its write-out from the guest page cache also runs through the boxes, not the bypass.
    for (const h of hops) {
      expect(h.lane).not.toBe(lanePath("in-guest-bypass", "guest-app", "virtual-disk"));
    }
  });
});

describe("tokenHops for barriers", () => {
  function barrier(mode: "writeback" | "none" | "unsafe" | "writethrough", barriers: boolean) {
    const timeline = run({ mode, barriers }, ["normal", { atMs: 1, kind: "barrier" }]);
    const op = opOf(timeline, 1);
    return { op, hops: tokenHops(op) };
  }

  it("passed flush: down to the guest block layer, then green to the platters", () => {
    const { op, hops } = barrier("writeback", true);
    expect(op.flush?.outcome).toBe("passed");
    expect(hops.map((h) => [h.from, h.to, h.route])).toEqual([
      ["guest-app", "guest-block-layer", "in-guest"],
      ["guest-block-layer", "platters", "green"],
    ]);
    const green = hopAt(hops, 1);
    expect(green.startMs).toBe(op.flush?.issuedAtMs);
    expect(green.endMs).toBe(op.flush?.doneAtMs);
    expect(green.lane).toBe(lanePath("green", "guest-block-layer", "platters"));
  });

  it("waits at the guest block layer while the dirty pages are written out", () => {
    const { op, hops } = barrier("none", true);
    const first = hopAt(hops, 0);
    expect(first.startMs).toBe(op.atMs);
    expect(first.endMs).toBe(op.flush?.issuedAtMs);
    expect(first.endMs).toBeGreaterThan(first.startMs);
  });

  it("ignored flush (cache=unsafe): the green hop stops at QEMU", () => {
    const { op, hops } = barrier("unsafe", true);
    expect(op.flush?.outcome).toBe("ignored-by-qemu");
    expect(hops.at(-1)).toMatchObject({ from: "guest-block-layer", to: "qemu", route: "green" });
    expect(hops.some((h) => h.to === "platters")).toBe(false);
  });

  it("guest barriers off: the token stays at the guest block layer", () => {
    const { op, hops } = barrier("writeback", false);
    expect(op.flush?.outcome).toBe("no-guest-barriers");
    expect(hops).toHaveLength(1);
    expect(hopAt(hops, 0).to).toBe("guest-block-layer");
    expect(hops.some((h) => h.route === "green")).toBe(false);
  });

  it("no write cache (writethrough): no flush leaves the guest either", () => {
    const { op, hops } = barrier("writethrough", true);
    expect(op.flush?.outcome).toBe("no-write-cache");
    expect(hops.map((h) => h.to)).toEqual(["guest-block-layer"]);
  });

  it("a flush cut off by a crash stops short, where it was at the crash", () => {
    const calm = opOf(run({ mode: "writeback", barriers: true }, ["normal", "barrier"]), 1);
    const issued = calm.flush?.issuedAtMs ?? NaN;
    const crashAtMs = issued + 1; // before the ~14 ms platter write finishes
    const cut = opOf(
      run({ mode: "writeback", barriers: true }, ["normal", { atMs: 0, kind: "barrier" }], {
        atMs: crashAtMs,
        kind: "power",
      }),
      1,
    );
    expect(cut.flush?.outcome).toBe("passed");
    expect(cut.flush?.doneAtMs).toBeNull();
    const hops = tokenHops(cut, "platters", calm.flush?.doneAtMs ?? null, crashAtMs);
    expect(hops.at(-1)).toMatchObject({
      route: "green",
      endMs: calm.flush?.doneAtMs,
      cutAtMs: crashAtMs,
    });
    // Long after the crash, the token is still part-way down the green lane, not on the platters.
    const clock = presentationClock([0, issued, crashAtMs, calm.flush?.doneAtMs ?? NaN]);
    const place = tokenPlace(hops, 0, crashAtMs + 1_000, clock);
    expect(place?.box).toBe("guest-block-layer");
    expect(place?.route).toBe("green");
  });
});

describe("tokenPlace", () => {
  const timeline = run({ mode: "writeback", barriers: true }, [{ atMs: 10, kind: "osync" }]);
  const op: OpResult = opOf(timeline);
  const hops = tokenHops(op);
  const clock = clockOf(hops);
  const slot = 3;

  it("is nowhere before the op is issued", () => {
    expect(tokenPlace(hops, slot, 0, clock)).toBeNull();
    expect(tokenPlace(hops, slot, 9.999, clock)).toBeNull();
    expect(tokenPlace([], slot, 50, clock)).toBeNull();
  });

  it("after each hop ends and until the next starts, rests in the box it reached", () => {
    // A buffered write rests for 30 s in each page cache: long pauses between its hops.
    const t = run({ mode: "writeback", barriers: false }, ["normal"]);
    const buffered = tokenHops(opOf(t));
    const bufferedClock = clockOf(buffered);
    let gaps = 0;
    buffered.forEach((h, i) => {
      const nextStart = buffered[i + 1]?.startMs ?? h.endMs + 1_000;
      if (nextStart <= h.endMs) return;
      gaps++;
      for (const tMs of [h.endMs, (h.endMs + nextStart) / 2]) {
        expect(tokenPlace(buffered, slot, tMs, bufferedClock)).toEqual({
          ...restPoint(h.to, slot),
          box: h.to,
          route: null,
        });
      }
    });
    // guest page cache, host page cache, disk cache, platters
    expect(gaps).toBeGreaterThanOrEqual(4);
  });

  it("at the end of the last hop rests at its slot on the platters", () => {
    const last = hopAt(hops, hops.length - 1);
    expect(last.to).toBe("platters");
    for (const t of [last.endMs, last.endMs + 1_000]) {
      expect(tokenPlace(hops, slot, t, clock)).toEqual({
        ...restPoint("platters", slot),
        box: "platters",
        route: null,
      });
    }
  });

  it("different slots rest at different points of the same box", () => {
    const t = timeline.endMs + 1;
    const a = tokenPlace(hops, 0, t, clock);
    const b = tokenPlace(hops, 1, t, clock);
    expect(a?.box).toBe(b?.box);
    expect(a?.x).not.toBe(b?.x);
  });

  describe("mid-hop", () => {
    // The last green hop, onto the platters (the flush takes data in the host page cache into
    // the drive's cache first, and on from there at once).
    const green = hops.findLast((h) => h.route === "green");
    if (!green) throw new Error("expected a green hop");
    // Half way in screen time: progress is measured on screen, not in model time.
    const midMs = clock.toModel((clock.toScreen(green.startMs) + clock.toScreen(green.endMs)) / 2);
    const start = restPoint(green.from, slot);
    const end = restPoint(green.to, slot);

    it("travelling, lies strictly between the two rest points, on the way", () => {
      const place = tokenPlace(hops, slot, midMs, clock);
      expect(place).not.toBeNull();
      const p = place ?? { x: NaN, y: NaN };
      expect(Math.hypot(p.x - start.x, p.y - start.y)).toBeGreaterThan(1);
      expect(Math.hypot(p.x - end.x, p.y - end.y)).toBeGreaterThan(1);
      // Inside the bounding box of the whole route: rest points and lane.
      const xs = [start.x, end.x, ...green.lane.points.map((q) => q.x)];
      const ys = [start.y, end.y, ...green.lane.points.map((q) => q.y)];
      expect(p.x).toBeGreaterThanOrEqual(Math.min(...xs));
      expect(p.x).toBeLessThanOrEqual(Math.max(...xs));
      expect(p.y).toBeGreaterThanOrEqual(Math.min(...ys));
      expect(p.y).toBeLessThanOrEqual(Math.max(...ys));
    });

    it("reports the box it is leaving and the route it travels", () => {
      const place = tokenPlace(hops, slot, midMs, clock);
      expect(place?.box).toBe(green.from);
      expect(place?.route).toBe("green");
    });

    it("moves along the drawn route at a constant speed in screen time", () => {
      // The whole route: from the slot in one box, along the lane, to the slot in the next.
      const route = polyline([start, ...green.lane.points, end]);
      const s0 = clock.toScreen(green.startMs);
      const s1 = clock.toScreen(green.endMs);
      for (const f of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        const place = tokenPlace(hops, slot, clock.toModel(s0 + f * (s1 - s0)), clock);
        const { distance, along } = project(route, place ?? { x: NaN, y: NaN });
        expect(distance, `off the route at ${String(f)}`).toBeLessThan(1e-6);
        expect(along / route.length).toBeCloseTo(f, 6);
      }
    });

    it("with travel off (reduced motion), stays at the from box's rest point until the hop ends", () => {
      expect(tokenPlace(hops, slot, midMs, clock, false)).toEqual({
        ...start,
        box: green.from,
        route: "green",
      });
      expect(tokenPlace(hops, slot, green.endMs, clock, false)).toEqual({
        ...end,
        box: green.to,
        route: null,
      });
    });
  });

  it("a barrier's token rests at the guest block layer when its flush was dropped", () => {
    const t = run({ mode: "writeback", barriers: false }, ["barrier"]);
    const barrierHops = tokenHops(opOf(t));
    expect(tokenPlace(barrierHops, 0, t.endMs + 1, clockOf(barrierHops))).toMatchObject({
      box: "guest-block-layer",
      route: null,
    });
  });
});
