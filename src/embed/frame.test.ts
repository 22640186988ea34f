/** Which host pages an embed takes commands from: exact origins only, none by default. */
import { describe, expect, it } from "vitest";
import { allowedOrigins, unlistedWarning } from "./frame";

describe("allowedOrigins", () => {
  it.each([
    ["?embed=1", [], []],
    ["?origin=https://docs.example.org", ["https://docs.example.org"], []],
    [
      "?origin=https://a.example,%20http://localhost:3000",
      ["https://a.example", "http://localhost:3000"],
      [],
    ],
    // Not an origin as the browser writes it: a path, a trailing slash, a wildcard, "null".
    ["?origin=https://a.example/docs", [], ["https://a.example/docs"]],
    ["?origin=https://a.example/", [], ["https://a.example/"]],
    ["?origin=*", [], ["*"]],
    ["?origin=null", [], ["null"]],
    ["?origin=HTTPS://A.EXAMPLE", [], ["HTTPS://A.EXAMPLE"]],
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
