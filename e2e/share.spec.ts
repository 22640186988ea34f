/**
 * Share (issue 10): the dialog's link and snippets describe the page's scenario and moment,
 * and the element snippet really works; Import VM configuration sets the cache mode from a real
 * sample, chooses among several disks, and refuses hostile input with a message.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { openPaused, pumpUntil } from "./helpers";

const sample = (name: string) =>
  readFileSync(new URL(`../src/import/samples/${name}`, import.meta.url), "utf8");

test("Share gives the link to this moment and embed snippets that carry the scenario", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openPaused(page, "?mode=none&barriers=off&ops=osync@0,normal@5&t=3");
  const share = page.getByRole("button", { name: "Share", exact: true });
  await pumpUntil(page, () => share.isVisible());
  await share.click();
  const dialog = page.getByRole("dialog", { name: "Share this moment" });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByRole("textbox", { name: "Link to this moment" }).inputValue();
  expect(new URL(link).hash).toBe("#writes=sn5");
  expect(new URL(link).searchParams.get("t")).toBe("3");
  const iframe = await dialog.getByRole("textbox", { name: /^Iframe \(HTML/ }).inputValue();
  expect(iframe).toContain("embed=1");
  expect(iframe).toContain("#writes=sn5");
  const element = await dialog.getByRole("textbox", { name: /^Element/ }).inputValue();
  expect(element).toContain('<kvm-cache-diagram mode="none" barriers="off"');
  await dialog.getByRole("button", { name: "Copy the iframe snippet" }).click();
  await expect(dialog.getByRole("status")).toHaveText(/copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(iframe);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The link opens the same moment.
  // Away first: going to the same address with its fragment would not load the page again.
  await page.goto("about:blank");
  await openPaused(page, `${new URL(link).search}${new URL(link).hash}`);
  await expect(page.getByRole("radio", { name: "none" })).toBeChecked();
  await expect(page.getByRole("slider", { name: "Time" })).toHaveAttribute("aria-valuenow", "3");
});

test("Import VM configuration: a libvirt domain with two disks, then a Proxmox config; hostile input is refused", async ({
  page,
}) => {
  await openPaused(page);
  const open = page.getByRole("button", { name: "Import VM configuration" });
  await pumpUntil(page, () => open.isVisible());
  await open.click();
  const dialog = page.getByRole("dialog", { name: "Import a VM configuration" });
  const text = dialog.getByRole("textbox", { name: "VM configuration" });
  const apply = dialog.getByRole("button", { name: "Apply" });

  await text.fill(sample("libvirt-debian12.xml"));
  await apply.click();
  await expect(dialog).toContainText("Read as a libvirt domain XML: 2 disks");
  await expect(dialog.getByRole("status")).toContainText("Applied: vda uses cache=none");
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeChecked();
  // The second disk, chosen, then applied.
  const disks = dialog.getByRole("group", { name: "Disk" }).getByRole("radio");
  await expect(disks).toHaveCount(2);
  await disks.nth(1).check();
  await apply.click();
  await expect(dialog.getByRole("status")).toContainText("Applied: vdb");
  // What it did not read is said (the cdrom).
  await expect(dialog).toContainText(/cdrom|CD-ROM/i);

  await text.fill(sample("proxmox-100.conf"));
  await apply.click();
  await expect(dialog).toContainText("Read as a Proxmox VM config");

  await text.fill('<!DOCTYPE x [<!ENTITY a "aaaa">]><domain>&a;</domain>');
  await apply.click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await text.fill("\u0000\u0001garbage".repeat(50));
  await apply.click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
