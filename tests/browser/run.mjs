// Browser tests of the web app: they type, paste and click like a learner and look at what
// the terminal shows. Prints `ok`/`not ok` per test and a final `browser: N passed, N failed`.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, open } from "./browser.mjs";
import { lessonTests } from "./lessons.mjs";

const SHOTS = process.env.DOCA_SCREENSHOTS || "target/screenshots";
mkdirSync(SHOTS, { recursive: true });

const tests = [];
const test = (name, fn, viewport) => tests.push({ name, fn, viewport });
// A test that cannot pass yet: listed with its reason, not run.
test.skip = (name, reason, fn, viewport) => tests.push({ name, fn, viewport, skip: reason });

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const screenText = (page) => page.locator(".screen").innerText();
const inputValue = (page) => page.locator(".input").inputValue();

async function typeLine(page, line) {
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

async function paste(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector(".input").dispatchEvent(event);
  }, text);
}

async function waitForText(page, text, timeout = 10000) {
  await page.waitForFunction((t) => document.querySelector(".screen").innerText.includes(t), text, { timeout });
}

test("the app loads with its header, terminal and diagram", async (page) => {
  assert((await page.title()).includes("doca"), "title");
  assert((await page.locator("header h1").innerText()) === "doca", "product name");
  assert(await page.getByRole("button", { name: "Reiniciar" }).isVisible(), "reset button");
  assert(await page.locator("svg.diagram").isVisible(), "diagram");
  assert((await screenText(page)).includes("aluno@doca:~$"), "prompt");
  assert((await page.locator("html").getAttribute("lang")) === "pt-BR", "lang");
});

test("typing a line and Enter shows it with its output", async (page) => {
  await typeLine(page, "dokcer ps");
  await waitForText(page, "bash: dokcer: command not found");
  const text = await screenText(page);
  assert(text.includes("aluno@doca:~$ dokcer ps\nbash: dokcer: command not found"), `screen: ${text}`);
  assert((await inputValue(page)) === "", "input cleared");
});

test("↑ recalls the previous line and ↓ goes back", async (page) => {
  await typeLine(page, "first");
  await typeLine(page, "second");
  await page.keyboard.press("ArrowUp");
  assert((await inputValue(page)) === "second", "up once");
  await page.keyboard.press("ArrowUp");
  assert((await inputValue(page)) === "first", "up twice");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert((await inputValue(page)) === "", "back to the empty draft");
});

test("cursor editing: ←, Home, Ctrl+A/E/U/K/W", async (page) => {
  await page.keyboard.type("docker ps");
  await page.keyboard.press("Home");
  await page.keyboard.type("x");
  assert((await inputValue(page)) === "xdocker ps", "home + insert");
  await page.keyboard.press("Control+E");
  await page.keyboard.press("Control+W");
  assert((await inputValue(page)) === "xdocker ", "ctrl+w");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Control+K");
  assert((await inputValue(page)) === "d", "ctrl+k");
  await page.keyboard.press("Control+U");
  assert((await inputValue(page)) === "", "ctrl+u");
});

test("Ctrl+L clears the screen and keeps the line being typed", async (page) => {
  await typeLine(page, "dokcer");
  await waitForText(page, "command not found");
  await page.keyboard.type("abc");
  await page.keyboard.press("Control+L");
  const text = await screenText(page);
  assert(!text.includes("command not found"), `screen not cleared: ${text}`);
  assert((await inputValue(page)) === "abc", "line kept");
});

test("Ctrl+C prints ^C and a fresh prompt", async (page) => {
  await page.keyboard.type("docker r");
  await page.keyboard.press("Control+C");
  await waitForText(page, "docker r^C");
  assert((await inputValue(page)) === "", "input cleared");
});

test("Tab completes, and a second Tab lists the candidates", async (page) => {
  await page.keyboard.type("doc");
  await page.keyboard.press("Tab");
  assert((await inputValue(page)) === "docker ", `completed: ${await inputValue(page)}`);
  assert(await page.locator(".input").evaluate((el) => el === document.activeElement), "focus kept");
  await page.keyboard.press("Control+U");
  await page.keyboard.type("h");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await waitForText(page, "history");
  assert((await screenText(page)).includes("help"), "listing");
  assert((await inputValue(page)) === "h", "line kept after listing");
});

test("Reiniciar starts over with an empty terminal and history", async (page) => {
  await typeLine(page, "dokcer ps");
  await waitForText(page, "command not found");
  await page.getByRole("button", { name: "Reiniciar" }).click();
  await page.waitForFunction(() => !document.querySelector(".screen").innerText.includes("command not found"));
  await page.waitForFunction(() => document.activeElement?.classList.contains("input"));
  await page.keyboard.press("ArrowUp");
  assert((await inputValue(page)) === "", "history emptied");
});

test("pasting 100 lines runs each of them", async (page) => {
  const lines = Array.from({ length: 100 }, (_, i) => `cmd${i}`).join("\n") + "\n";
  await paste(page, lines);
  await waitForText(page, "bash: cmd99: command not found");
  const count = (await screenText(page)).split("command not found").length - 1;
  assert(count === 100, `ran ${count} lines`);
});

test("pasting 10,000 lines keeps the page responsive and the scrollback capped", async (page) => {
  const lines = Array.from({ length: 10000 }, (_, i) => `l${i}`).join("\n") + "\n";
  await paste(page, lines);
  // The page answers while the paste runs (one batch per tick).
  const started = Date.now();
  await page.evaluate(() => 1);
  assert(Date.now() - started < 1000, "page blocked");
  await waitForText(page, "bash: l9999: command not found", 60000);
  const rendered = await page.locator(".screen .line").count();
  assert(rendered <= 5001, `rendered ${rendered} lines`);
});

test("a 1 MB line does not freeze the page", async (page) => {
  await paste(page, "y".repeat(1 << 20) + "\n");
  await waitForText(page, "caracteres omitidos", 20000);
  await page.keyboard.type("echo");
  assert((await inputValue(page)) === "echo", "typing still works");
});

test("selecting output and Ctrl+C copies instead of interrupting", async (page) => {
  await typeLine(page, "dokcer ps");
  await waitForText(page, "command not found");
  await page.evaluate(() => {
    const line = document.querySelector(".scrollback .line:nth-child(2)");
    const range = document.createRange();
    range.selectNodeContents(line);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  });
  const selected = await page.evaluate(() => window.getSelection().toString());
  assert(selected.includes("bash: dokcer: command not found"), `selection: ${selected}`);
  await page.keyboard.press("Control+C");
  assert(!(await screenText(page)).includes("^C"), "Ctrl+C interrupted instead of copying");
  assert((await page.evaluate(() => window.getSelection().toString())) === selected, "selection kept");
});

test("typing with nothing focused goes to the terminal", async (page) => {
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.type("ls");
  assert((await inputValue(page)) === "ls", `input: ${await inputValue(page)}`);
});

test("the lesson pane opens and closes", async (page) => {
  const button = page.getByRole("button", { name: "Lições" });
  await button.click();
  assert(await page.locator("aside.lessons").isVisible(), "pane shown");
  assert((await button.getAttribute("aria-pressed")) === "true", "pressed");
  await page.screenshot({ path: join(SHOTS, "app-lessons-1366x768.png") });
  await button.click();
  assert((await page.locator("aside.lessons").count()) === 0, "pane hidden");
});

test("phone: on-screen keys recall history and interrupt", async (page) => {
  await typeLine(page, "dokcer images");
  await page.getByRole("button", { name: "Comando anterior (seta para cima)" }).click();
  assert((await inputValue(page)) === "dokcer images", "↑ key");
  await page.getByRole("button", { name: "Interromper (Ctrl+C)" }).click();
  await waitForText(page, "dokcer images^C");
}, { width: 390, height: 844 });

test("on-screen keys are hidden on a laptop", async (page) => {
  assert(!(await page.locator(".screen-keys").isVisible()), "keys visible on a laptop");
});

lessonTests(test, { assert, typeLine, waitForText, screenText });

// Screenshots at the sizes the app is used at: laptop, projector, phone.
for (const [name, viewport] of [["1366x768", { width: 1366, height: 768 }], ["1920x1080", { width: 1920, height: 1080 }], ["390x844", { width: 390, height: 844 }]]) {
  test(`screenshot ${name}`, async (page) => {
    for (const line of ["docker version", "dokcer ps", "ls"]) await typeLine(page, line);
    await page.keyboard.type("doc");
    await waitForText(page, "bash: ls: command not found");
    await page.screenshot({ path: join(SHOTS, `app-${name}.png`) });
  }, viewport);
}

const browser = await launch();
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [i, t] of tests.entries()) {
  if (t.skip) {
    skipped++;
    console.log(`ok ${i + 1} - ${t.name} # SKIP ${t.skip}`);
    continue;
  }
  let session;
  try {
    session = await open(browser, t.viewport);
    await t.fn(session.page);
    if (session.problems.length) throw new Error(session.problems.join("; "));
    passed++;
    console.log(`ok ${i + 1} - ${t.name}`);
  } catch (e) {
    failed++;
    console.log(`not ok ${i + 1} - ${t.name}: ${e.message.split("\n")[0]}`);
    if (session) await session.page.screenshot({ path: join(SHOTS, `failed-${i + 1}.png`) }).catch(() => {});
  } finally {
    if (session) await session.context.close();
  }
}
await browser.close();
console.log(`browser: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
