import { describe, expect, it } from "vitest";
import { childOf, parseXml, type XmlElement } from "./xml";

function elements(text: string): XmlElement[] {
  const result = parseXml(text);
  if (typeof result === "string") throw new Error(`expected elements, got: ${result}`);
  return result;
}

describe("parseXml", () => {
  it("lists the elements in document order with parent, children and line; skips comments, CDATA and processing instructions", () => {
    const xml =
      "<?xml version='1.0'?>\n<!-- <not/> -->\n<domain type='kvm'>\n" +
      "<devices><![CDATA[<not/>]]>\n<disk/>\n</devices></domain>";
    const [domain, devices, disk, ...rest] = elements(xml);
    expect(rest).toEqual([]);
    expect([domain?.name, domain?.parent, domain?.line]).toEqual(["domain", null, 3]);
    expect([devices?.name, devices?.parent, devices?.line]).toEqual(["devices", domain, 4]);
    expect([disk?.name, disk?.parent, disk?.line]).toEqual(["disk", devices, 5]);
    expect(domain?.attrs).toEqual(new Map([["type", "kvm"]]));
    expect(devices === undefined ? undefined : childOf(devices, "disk")).toBe(disk);
  });

  it("decodes the five predefined entities and character references in attribute values", () => {
    const [element] = elements(
      `<a v='&lt;&gt;&amp;&quot;&apos;' w="&#x6E;&#111;&#x1F600;" x = 'y'/>`,
    );
    expect(element?.attrs).toEqual(
      new Map([
        ["v", `<>&"'`],
        ["w", "no\u{1F600}"],
        ["x", "y"],
      ]),
    );
  });

  it.each([
    [
      "a DOCTYPE",
      "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>]><domain>&lol;</domain>",
    ],
    ["an ENTITY in any case", "<domain><!entity x 'y'></domain>"],
  ])("refuses %s (entities are never expanded)", (_, xml) => {
    expect(parseXml(xml)).toBe(
      "The XML declares a DOCTYPE or entities, which this page refuses (it expands no entities); virsh dumpxml writes neither.",
    );
  });

  it.each([
    ["<domain><devices><disk type='file'", "The XML ends inside the tag <disk> opened on line 1."],
    ["<domain>\n<devices>\n<disk>", "The XML ends before <disk> from line 3 is closed."],
    [
      "<domain><devices></domain>",
      "The XML closes </domain> on line 1 while <devices> from line 1 is open.",
    ],
    ["<domain></domain></domain>", "The XML closes </domain> on line 1 without opening it."],
    ["<domain><!-- unclosed", "The XML ends inside a comment opened on line 1."],
    ["<domain><![CDATA[ x", "The XML ends inside a CDATA section opened on line 1."],
    ["<domain></domain", "The XML ends inside the closing tag on line 1."],
    ["<domain>\n< disk/></domain>", 'The XML has a "<" that starts no tag on line 2.'],
    [
      "<domain a='1' b></domain>",
      expect.stringMatching(/^The XML tag <domain> on line 1 has a malformed attribute/),
    ],
    ["<domain a='&nbsp;'></domain>", expect.stringMatching(/entity other than &lt; &gt; &amp;/)],
    ["<domain a='&#0;'/>", expect.stringMatching(/entity other than/)],
    ["<domain a='x", "The XML ends inside the tag <domain> opened on line 1."],
  ])("refuses %j", (xml, message) => {
    expect(parseXml(xml)).toEqual(message);
  });
});
