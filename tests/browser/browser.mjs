// Launches Debian's headless Chromium through playwright-core, offline: every host name
// resolves to nothing except 127.0.0.1, where `cargo xtask` serves the site.
import { chromium } from "playwright-core";

export const URL = process.env.DOCA_URL || "http://127.0.0.1:8080/";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

// Opens the app in a fresh context and waits until the simulator has started (the diagram
// is drawn) and the terminal input has the focus.
// Records page errors, console errors and every request that left 127.0.0.1.
export async function open(browser, viewport = { width: 1366, height: 768 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("request", (r) => {
    const url = r.url();
    requests.push(url);
    if (!url.startsWith(URL) && !url.startsWith("data:")) problems.push(`external request: ${url}`);
  });
  await page.goto(URL);
  await page.waitForFunction(() => document.querySelector(".dg-pane") && document.activeElement?.classList.contains("input"), null, { timeout: 30000 });
  return { context, page, problems, requests };
}
