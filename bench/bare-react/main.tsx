// The bundle-size baseline for `npm run bench:ui`: React 19 + ReactDOM rendering one heading,
// mounted the same way as the real app (createRoot + StrictMode), built by the same Vite.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (container === null) {
  throw new Error("index.html has no #root element");
}

createRoot(container).render(
  <StrictMode>
    <h1>Hello, React 19</h1>
  </StrictMode>,
);
