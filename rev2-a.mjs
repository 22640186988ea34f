import {open,state} from "./rev2lib.mjs";
for (const [w,h] of [[1280,720],[1920,1080],[768,1024],[320,700]]) {
  const {b,p} = await open(w,h);
  await p.screenshot({path:`/tmp/rev2/init-${w}.png`});
  await p.screenshot({path:`/tmp/rev2/init-${w}-full.png`, fullPage:true});
  if (w===1280) { console.log(await p.evaluate(()=>document.body.innerText)); }
  const sw = await p.evaluate(()=>[document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  console.log(w, "scrollWidth", sw);
  await b.close();
}
