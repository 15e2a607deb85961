// Chromium (Debian's package at /usr/bin/chromium) driven by playwright-core, for the browser
// tests. They run where it exists; CI installs it, so there they must run.
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

/** Whether the browser tests can run: a missing Chromium is an error in CI and a warning elsewhere. */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI must install Chromium (${CHROMIUM}) for the browser tests`);
  console.warn(`(browser tests not run: ${CHROMIUM} is missing; see .ci/run)`);
  return false;
}

/** A headless Chromium with nothing of its own on the network. */
export async function launch() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
