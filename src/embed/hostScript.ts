/** dist/embed.js (vite.host.config.ts): sizes every embed on the page that includes it. */
import { sizeEmbeds } from "./host";

sizeEmbeds(window);
