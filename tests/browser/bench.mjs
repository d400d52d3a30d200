// Benchmarks in headless Chromium, printed as one JSON line (cargo xtask bench stores it).
//
// Load: 5 cold loads (a fresh context each), timed from navigation start with marks the
// page sets itself:
// - first_render: first contentful paint, i.e. the first stage drawn (header, terminal with
//   its prompt, the diagram pane loading);
// - input_ready: the first stage's terminal has the focus and takes lines;
// - app_ready: the simulator (WebAssembly) has started and drawn the diagram;
// - first_command: a line typed as soon as the input was ready has its answer on screen.
// Frames: with 50 containers on screen, the time between animation frames while
// `docker run -d --name web -p 8080:80 nginx` plays (pull, create, start), from
// requestAnimationFrame timestamps.
import { launch, URL } from "./browser.mjs";

const RUNS = 5;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x) => Math.round(x * 10) / 10;

async function coldLoad(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__bench = {};
    const mark = (name) => {
      if (window.__bench[name] === undefined) window.__bench[name] = performance.now();
    };
    new MutationObserver(() => {
      if (document.querySelector(".dg-pane")) mark("app");
      if (document.querySelector(".screen")?.innerText.includes("command not found")) mark("answer");
    }).observe(document, { childList: true, subtree: true, characterData: true });
    document.addEventListener("focusin", (e) => {
      if (e.target.classList?.contains("input")) mark("input");
    });
  });
  await page.goto(URL);
  await page.waitForFunction(() => window.__bench.input !== undefined, null, { timeout: 30000 });
  await page.keyboard.type("x");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__bench.answer !== undefined, null, { timeout: 30000 });
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return { fcp: fcp ? fcp.startTime : null, ...window.__bench };
  });
  await context.close();
  return t;
}

async function frames(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(URL);
  await page.waitForFunction(() => document.querySelector(".dg-pane") && document.activeElement?.classList.contains("input"), null, { timeout: 30000 });
  const idle = () => page.waitForFunction(() => {
    const step = document.querySelector(".dg-step")?.textContent || "";
    const m = step.match(/(\d+) de (\d+)/);
    return m && m[1] === m[2] && !document.querySelector(".dg-packet");
  }, null, { timeout: 60000 });
  await page.keyboard.type("for i in $(seq 1 50); do docker run -d --name c$i alpine sleep 1000; done");
  await page.keyboard.press("Enter");
  await idle();
  const containers = await page.locator(".dg-n-container, .dg-n-group").count();
  await page.evaluate(() => {
    window.__frames = [];
    const loop = (ts) => {
      window.__frames.push(ts);
      if (window.__frames.length < 100000) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const started = Date.now();
  await page.keyboard.type("docker run -d --name web -p 8080:80 nginx");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (document.querySelector(".dg-line")?.textContent || "").includes("--name web"), null, { timeout: 30000 });
  await idle();
  const animation_ms = Date.now() - started;
  const stamps = await page.evaluate(() => window.__frames.slice());
  await context.close();
  const deltas = stamps.slice(1).map((t, i) => t - stamps[i]);
  return {
    containers_drawn: containers,
    animation_ms,
    frames: deltas.length,
    frame_p50_ms: round(quantile(deltas, 0.5)),
    frame_p95_ms: round(quantile(deltas, 0.95)),
    frame_p99_ms: round(quantile(deltas, 0.99)),
    frame_max_ms: round(Math.max(...deltas)),
    frames_over_16_7_ms: deltas.filter((d) => d > 16.7 + 1).length,
    frames_over_33_ms: deltas.filter((d) => d > 33.4).length,
  };
}

const browser = await launch();
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser));
const frame = await frames(browser);
await browser.close();

console.log(JSON.stringify({
  first_render_ms: round(median(runs.map((r) => r.fcp ?? 0))),
  input_ready_ms: round(median(runs.map((r) => r.input))),
  app_ready_ms: round(median(runs.map((r) => r.app))),
  first_command_ms: round(median(runs.map((r) => r.answer))),
  load_runs: runs.map((r) => ({
    first_render: round(r.fcp ?? 0),
    input_ready: round(r.input),
    app_ready: round(r.app),
    first_command: round(r.answer),
  })),
  animation_with_50_containers: frame,
}));
