// Load-time benchmark: 5 cold loads (fresh context each) in headless Chromium, timed from
// navigation start with marks set by the page itself: first contentful paint, first render
// of the app (`.app` in the DOM) and interactive (the terminal input has the focus and a
// typed line runs). Prints one JSON line with the medians and every run.
import { launch, URL } from "./browser.mjs";

const RUNS = 5;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (x) => Math.round(x * 10) / 10;

const browser = await launch();
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__doca = {};
    const mark = (name) => {
      if (window.__doca[name] === undefined) window.__doca[name] = performance.now();
    };
    new MutationObserver(() => {
      if (document.querySelector(".app")) mark("render");
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener("focusin", (e) => {
      if (e.target.classList?.contains("input")) mark("focus");
    });
  });
  await page.goto(URL);
  await page.waitForFunction(() => window.__doca.focus !== undefined, null, { timeout: 30000 });
  await page.keyboard.type("x");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".screen").innerText.includes("command not found"));
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return { fcp: fcp ? fcp.startTime : null, render: window.__doca.render, focus: window.__doca.focus };
  });
  runs.push(t);
  await context.close();
}
await browser.close();

console.log(JSON.stringify({
  first_contentful_paint_ms: round(median(runs.map((r) => r.fcp ?? 0))),
  first_render_ms: round(median(runs.map((r) => r.render))),
  interactive_ms: round(median(runs.map((r) => r.focus))),
  load_runs: runs.map((r) => ({ fcp: round(r.fcp ?? 0), render: round(r.render), interactive: round(r.focus) })),
}));
