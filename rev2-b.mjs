import {open,state} from "./rev2lib.mjs";
const {b,p} = await open(1280,720,"",{deviceScaleFactor:2});
await p.screenshot({path:"/tmp/rev2/zoom-toolbar.png", clip:{x:0,y:230,width:560,height:80}});
await p.screenshot({path:"/tmp/rev2/zoom-diagram.png", clip:{x:16,y:340,width:330,height:380}});
const fonts = await p.evaluate(()=>{const el=[...document.querySelectorAll("button")].find(b=>/Step back/.test(b.textContent)); return getComputedStyle(el).fontFamily});
console.log(fonts);
await b.close();
