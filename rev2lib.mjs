import { chromium } from "@playwright/test";
export async function open(w=1280,h=720,q="",opts={}) {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
  const ctx = await b.newContext({ viewport: { width: w, height: h }, ...opts });
  const p = await ctx.newPage();
  p.on("pageerror", e => console.log("PAGEERROR", e.message));
  p.on("console", m => { if (m.type()==="error"||m.type()==="warning") console.log("CONSOLE", m.type(), m.text()); });
  await p.goto("http://127.0.0.1:4191/"+q);
  await p.waitForTimeout(400);
  return {b,p};
}
export async function state(p, label) {
  const s = await p.evaluate(() => {
    const q = s => document.querySelector(s)?.textContent?.trim() ?? null;
    const rows = [...document.querySelectorAll("table tbody tr")].slice(0,12).map(r => [...r.cells].map(c=>c.textContent.trim()).join(" | "));
    const clock = [...document.querySelectorAll("*")].filter(e=>e.children.length===0 && /model time|t =|clock/i.test(e.textContent)).map(e=>e.textContent.trim()).slice(0,2);
    return { clock, event: q("p.event"), caption: q(".caption") ?? q("figcaption"), rows };
  });
  console.log(`--- ${label}\n clock: ${JSON.stringify(s.clock)}\n event: ${s.event}\n caption: ${s.caption}\n` + s.rows.map(r=>"  "+r).join("\n"));
}
