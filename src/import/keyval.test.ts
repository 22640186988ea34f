import { describe, expect, it } from "vitest";
import { keyval, nest, ownProp, stringProp } from "./keyval";

describe("keyval", () => {
  it("reads a comma doubled inside a value as a comma", () => {
    expect(keyval("file=/vm/a,,b.img,cache=none", null)).toEqual(
      new Map([
        ["file", "/vm/a,b.img"],
        ["cache", "none"],
      ]),
    );
  });

  it("takes a bare first word as the implied key, a bare word elsewhere as on, and the last of a repeated key", () => {
    expect(keyval("virtio-blk-pci,drive=a,share-rw,drive=b", "driver")).toEqual(
      new Map([
        ["driver", "virtio-blk-pci"],
        ["drive", "b"],
        ["share-rw", "on"],
      ]),
    );
  });
});

describe("nest", () => {
  it("reads dotted keys as nested objects, and a pasted __proto__ as data", () => {
    const props = nest(
      keyval("driver=raw,file.driver=file,file.filename=/a.raw,__proto__.x=1", null),
    );
    const file = ownProp(props, "file");
    expect(stringProp(props, "driver")).toBe("raw");
    expect(file).toEqual({ driver: "file", filename: "/a.raw" });
    expect(ownProp(props, "__proto__")).toEqual({ x: "1" });
    expect(Object.getPrototypeOf(props)).toBeNull();
  });
});
