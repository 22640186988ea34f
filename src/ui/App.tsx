import { SafetyMatrix } from "./SafetyMatrix";
import "./app.css";

export function App() {
  return (
    <main>
      <h1>KVM cache modes</h1>
      <p className="lede">
        Where a KVM guest&apos;s writes stop before the guest is told &ldquo;done&rdquo;, under each
        QEMU cache mode, and what a power cut destroys — after the article &ldquo;KVM storage
        performance and cache settings on Red Hat Enterprise Linux 6.2&rdquo;.
      </p>
      <SafetyMatrix />
    </main>
  );
}
