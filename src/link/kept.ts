/**
 * The page keeps its scenario for the tab: the link the address bar holds (its query and
 * fragment, src/link/url.ts) is also put in the tab's session storage, so a reload, or coming
 * back to the page's bare address in the same tab, opens what was shown. Session storage, not
 * local: it lives as long as the tab, and another tab starts afresh. Only the full page keeps one
 * (several embeds on one docs page would share it). Storage may be refused (a private window, a
 * full quota, storage blocked for the site): the page then works on without it, and says nothing.
 *
 * It is stored when the page is left or hidden, not at every change: the address bar already
 * holds the link while the page is shown, and storing 5 000 writes' link took up to 75 ms on
 * the 2-core development machine (Chromium), work a click would otherwise queue behind.
 */

/** One entry per page address, so two copies of the app on one origin keep their own. */
function key(): string {
  return `kvm-cache-diagram:${window.location.pathname}`;
}

/** The link the tab kept, or null (none, or storage refused). */
export function readKept(): string | null {
  try {
    return window.sessionStorage.getItem(key());
  } catch {
    return null;
  }
}

/** Keeps `link` (`?…#…`) for the tab; an empty one (a page never changed) is nothing to keep. */
export function keep(link: string): void {
  try {
    if (link === "") window.sessionStorage.removeItem(key());
    else window.sessionStorage.setItem(key(), link);
  } catch {
    // Refused or full: the address bar still holds the link.
  }
}

/**
 * Keeps the address bar's link whenever the page is hidden or left (a reload, a navigation, a
 * switch of tab or app: on a phone, a hidden page may be discarded without being left).
 */
export function keepOnLeave(): void {
  const store = () => {
    keep(`${window.location.search}${window.location.hash}`);
  };
  window.addEventListener("pagehide", store);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") store();
  });
}

/** Forgets the kept link (one that did not read back). */
export function forget(): void {
  try {
    window.sessionStorage.removeItem(key());
  } catch {
    // Refused: nothing was kept either.
  }
}
