// Browser tests of the web app against the release build: they type, paste, click and
// resize like a learner and look at what the terminal and the diagram show (the real
// simulator runs every command). Prints `ok`/`not ok` per test, saves screenshots to
// DOCA_SCREENSHOTS (target/screenshots) and ends with `browser: N passed, N failed`.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, open } from "./browser.mjs";
import { lessonTests } from "./lessons.mjs";

const SHOTS = process.env.DOCA_SCREENSHOTS || "target/screenshots";
const ONLY = process.env.DOCA_ONLY || "";
const TEST_TIMEOUT_MS = 120000;
mkdirSync(SHOTS, { recursive: true });

const tests = [];
const test = (name, fn, options = {}) => tests.push({ name, fn, ...options });
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
// A test that cannot pass yet: listed with its reason, not run.
test.skip = (name, reason, fn, options = {}) => tests.push({ name, fn, ...options, skip: reason });

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

async function waitForText(page, text, timeout = 15000) {
  await page.waitForFunction((t) => document.querySelector(".screen").innerText.includes(t), text, { timeout });
}

const count = (haystack, needle) => haystack.split(needle).length - 1;

// The diagram has played everything: the last step of the last command is shown and no
// packet is travelling.
async function animationDone(page, timeout = 30000) {
  await page.waitForFunction(() => {
    const m = (document.querySelector(".dg-step")?.textContent || "").match(/(\d+) de (\d+)/);
    return m && m[1] === m[2] && !document.querySelector(".dg-packet");
  }, null, { timeout });
}

const node = (page, label) => page.locator(`.dg-svg g[aria-label^="${label}"]`);
const stepText = (page) => page.locator(".dg-step").innerText();

const RUN_NGINX = "docker run -d --name web -p 8080:80 nginx";

// ---------------------------------------------------------------------------------------
// Loading

test("the app loads with its header, terminal and diagram, each file fetched once", async (page, session) => {
  assert((await page.title()).includes("doca"), "title");
  assert((await page.locator("header h1").innerText()) === "doca", "product name");
  assert(await page.getByRole("button", { name: "Reiniciar" }).isEnabled(), "reset button");
  assert(await page.locator("svg.dg-svg").isVisible(), "diagram");
  assert(await node(page, "Daemon (dockerd)").isVisible(), "daemon box");
  assert(await node(page, "Docker Hub").isVisible(), "registry box");
  assert((await screenText(page)).includes("aluno@doca:~$"), "prompt");
  assert((await page.locator("html").getAttribute("lang")) === "pt-BR", "lang");
  const wasm = session.requests.filter((u) => u.endsWith(".wasm"));
  assert(wasm.length === 1, `the simulator was fetched ${wasm.length} times`);
  assert(new Set(session.requests).size === session.requests.length, `a file was fetched twice: ${session.requests.join(", ")}`);
});

test("lines typed while the simulator loads run once it is there, in order, once", async (page) => {
  // Opened by the test itself: the WebAssembly is held back until two lines were typed.
}, { custom: true });

// ---------------------------------------------------------------------------------------
// The headline command, the diagram and the playback controls

test("docker run -d --name web -p 8080:80 nginx: terminal, diagram, narration", async (page) => {
  await typeLine(page, RUN_NGINX);
  await waitForText(page, "Status: Downloaded newer image for nginx:latest");
  await animationDone(page);
  const text = await screenText(page);
  assert(text.includes(`aluno@doca:~$ ${RUN_NGINX}\nUnable to find image 'nginx:latest' locally\nlatest: Pulling from library/nginx\n`), `terminal: ${text}`);
  assert(/Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for nginx:latest\n[0-9a-f]{64}\naluno@doca:~\$/.test(text), `terminal end: ${text}`);
  // The container, running, from its image, with the published port.
  const web = node(page, "Contêiner, web");
  assert((await web.getAttribute("aria-label")) === "Contêiner, web, em execução", await web.getAttribute("aria-label"));
  assert((await web.getAttribute("class")).includes("dg-s-running"), "running colour");
  assert((await web.innerHTML()).includes("em execução"), "state word on the tile");
  assert(await node(page, "Porta publicada, host :8080").isVisible(), "published port");
  // The image with its layers (bottom ones drawn, the rest counted).
  const image = node(page, "Imagem, nginx:latest");
  assert(await image.isVisible(), "image box");
  const layers = await page.locator(".dg-svg .dg-n-layer").count();
  assert(layers >= 4, `layers drawn: ${layers}`);
  assert((await page.locator(".dg-svg").innerHTML()).includes("+2 camadas"), "hidden layers counted");
  assert(await node(page, "Repositório, nginx").isVisible(), "the repository it came from");
  // Narration: the caption of the last step and the log of every step.
  const caption = await page.locator(".dg-caption").innerText();
  assert(caption.includes("O daemon responde ao cliente"), `caption: ${caption}`);
  const log = await page.locator(".dg-log").innerText();
  for (const s of ["$ docker run -d --name web", "Tasks.Create", "em execução (running)"]) assert(log.includes(s), `log lacks ${s}: ${log}`);
  // The log's first visible entry is whole (not the tail of a wrapped line).
  const cut = await page.evaluate(() => {
    const ul = document.querySelector(".dg-log ul");
    const first = [...ul.children].find((li) => li.offsetTop + li.offsetHeight > ul.scrollTop);
    return first ? first.offsetTop < ul.scrollTop - 1 : false;
  });
  assert(!cut, "the log shows a cut entry at its top");
  // Nothing of the diagram is cut on the right: the registry lies within the stage.
  const inside = await page.evaluate(() => {
    const stage = document.querySelector(".dg-stage").getBoundingClientRect();
    const hub = document.querySelector('.dg-svg g[aria-label^="Docker Hub"]').getBoundingClientRect();
    return hub.right <= stage.right + 1 && hub.left >= stage.left - 1;
  });
  assert(inside, "Docker Hub is cut off");
  await page.screenshot({ path: join(SHOTS, "app-run-nginx-1366x768.png") });
});

test("a page in a bind mount, served through a published port: curl shows it, a packet travels", async (page) => {
  await typeLine(page, "mkdir site && echo '<h1>Olá do doca</h1>' > site/index.html");
  await typeLine(page, "docker run -d --name web -p 8080:80 -v ./site:/usr/share/nginx/html nginx");
  await waitForText(page, "Status: Downloaded newer image for nginx:latest");
  await animationDone(page);
  await typeLine(page, "curl localhost:8080");
  await page.waitForSelector(".dg-packet", { state: "attached" });
  await waitForText(page, "curl localhost:8080\n<h1>Olá do doca</h1>\n");
  await animationDone(page);
  const log = await page.locator(".dg-log").innerText();
  assert(log.includes("GET / (docker-proxy :8080)"), `the request through the published port: ${log}`);
  assert(log.includes("HTTP 200 OK"), `the answer: ${log}`);
  await typeLine(page, "docker volume create dados");
  await waitForText(page, "docker volume create dados\ndados\n");
  // The volume, outside any container (waited for: the animation may still be on its way).
  await node(page, "Volume, dados").waitFor({ timeout: 15000 });
  await typeLine(page, "docker network create loja");
  await page.waitForFunction(() => document.querySelector(".dg-svg").innerHTML.includes("Rede loja"), null, { timeout: 15000 });
  await animationDone(page);
  await page.screenshot({ path: join(SHOTS, "app-volumes-networks-1366x768.png") });
});

test("the file editor: a Dockerfile written in the pane, built, a file edited, rebuilt: CACHED steps and the layer stack", async (page) => {
  await page.getByRole("button", { name: "Arquivos", exact: true }).click();
  const create = async (name, text) => {
    await page.getByLabel("Novo arquivo").fill(name);
    await page.getByRole("button", { name: "Criar", exact: true }).click();
    await page.locator(".file-path", { hasText: `~/${name}` }).waitFor();
    await page.getByLabel("Conteúdo do arquivo").fill(text);
    await page.getByRole("button", { name: "Salvar", exact: true }).click();
    await page.locator(".file-status.saved").waitFor();
  };
  await create("app/index.html", "<h1>v1</h1>\n");
  await create("app/Dockerfile", "FROM nginx\nRUN echo hi > /hi\nCOPY index.html /usr/share/nginx/html/index.html\n");
  assert((await page.locator(".editor-hl .hl-instr").count()) === 3, "three instructions highlighted");
  assert((await page.locator(".file-item").allInnerTexts()).join(",") === "app/Dockerfile,app/index.html", "the file list");
  await page.locator(".input").click();
  await typeLine(page, "cd app && cat Dockerfile && docker build -t site:v1 .");
  await waitForText(page, "naming to docker.io/library/site:v1", 60000);
  await animationDone(page);
  await page.getByRole("button", { name: "app/index.html", exact: true }).click();
  await page.getByLabel("Conteúdo do arquivo").fill("<h1>v2</h1>\n");
  await page.keyboard.press("Control+s");
  await page.locator(".file-status.saved").waitFor();
  await page.locator(".input").click();
  await typeLine(page, "docker build -t site:v2 .");
  await waitForText(page, "naming to docker.io/library/site:v2", 60000);
  await animationDone(page);
  const text = await screenText(page);
  assert(text.includes("CACHED [2/3] RUN echo hi > /hi"), `the RUN step from the cache: ${text.slice(-1500)}`);
  const second = text.split("docker build -t site:v2 .")[1] || "";
  assert(second.includes("=> [3/3] COPY index.html") && !second.includes("CACHED [3/3]"), `the COPY step rebuilt: ${second}`);
  await node(page, "Imagem, site:v2").waitFor({ timeout: 15000 });
  await page.screenshot({ path: join(SHOTS, "app-file-editor-1366x768.png") });
});

test("step back to before the start, then forward to the end", async (page) => {
  await typeLine(page, RUN_NGINX);
  await animationDone(page);
  const web = node(page, "Contêiner, web");
  const back = page.getByRole("button", { name: "Etapa anterior" });
  const forward = page.getByRole("button", { name: "Próxima etapa" });
  const end = await stepText(page);
  let clicks = 0;
  while (!(await web.getAttribute("aria-label")).endsWith("criado") && clicks < 12) {
    await back.click();
    clicks++;
  }
  assert((await web.getAttribute("aria-label")) === "Contêiner, web, criado", `after ${clicks} steps back: ${await web.getAttribute("aria-label")}`);
  assert((await stepText(page)) !== end, "the step counter moved back");
  assert((await page.getByRole("button", { name: "Continuar" }).getAttribute("aria-pressed")) === "true", "stepping pauses");
  await page.screenshot({ path: join(SHOTS, "app-step-back-1366x768.png") });
  for (let i = 0; i < clicks; i++) await forward.click();
  assert((await web.getAttribute("aria-label")) === "Contêiner, web, em execução", "forward again");
  assert((await stepText(page)) === end, `back at the end: ${await stepText(page)}`);
});

test("the inspector opens on click and on Enter, and Escape closes it", async (page) => {
  await typeLine(page, RUN_NGINX);
  await animationDone(page);
  await node(page, "Imagem, nginx:latest").click();
  const inspector = page.locator(".dg-inspector");
  await inspector.waitFor();
  const text = await inspector.innerText();
  assert(text.includes("nginx:latest") && /camada/i.test(text), `inspector: ${text}`);
  await page.keyboard.press("Escape");
  await inspector.waitFor({ state: "detached" });
  await node(page, "Contêiner, web").focus();
  await page.keyboard.press("Enter");
  await inspector.waitFor();
  assert((await inspector.innerText()).includes("web"), "container details");
  await page.screenshot({ path: join(SHOTS, "app-inspector-1366x768.png") });
});

test("typing while the diagram has the focus goes to the terminal", async (page) => {
  await node(page, "Daemon (dockerd)").focus();
  await page.keyboard.type("echo oi");
  assert((await inputValue(page)) === "echo oi", `input: ${await inputValue(page)}`);
  await page.keyboard.press("Enter");
  await waitForText(page, "aluno@doca:~$ echo oi\noi\n");
});

test("typing ahead during an animation: every line runs once, the diagram catches up", async (page) => {
  await typeLine(page, "docker pull alpine");
  await typeLine(page, "docker run -d --name a1 alpine sleep 1000");
  await typeLine(page, "docker run -d --name a2 alpine sleep 1000");
  await typeLine(page, "docker run -d --name a3 alpine sleep 1000");
  await waitForText(page, "--name a3 alpine sleep 1000\n");
  await animationDone(page);
  const text = await screenText(page);
  for (const n of ["a1", "a2", "a3"]) {
    assert(count(text, `--name ${n} alpine`) === 1, `${n} echoed ${count(text, `--name ${n} alpine`)} times`);
    assert((await node(page, `Contêiner, ${n}`).getAttribute("aria-label")).endsWith("em execução"), `${n} in the diagram`);
  }
  assert(count(text, "Status: Downloaded newer image for alpine:latest") === 1, "pulled once");
});

test("resizing the window mid-animation keeps the diagram whole", async (page) => {
  await typeLine(page, RUN_NGINX);
  await page.waitForSelector(".dg-packet", { state: "attached" });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300);
  await page.setViewportSize(LAPTOP);
  await animationDone(page);
  assert((await node(page, "Contêiner, web").getAttribute("aria-label")).endsWith("em execução"), "container drawn");
  const fits = await page.evaluate(() => {
    const stage = document.querySelector(".dg-stage");
    return stage.scrollWidth <= stage.clientWidth + 1;
  });
  assert(fits, "the diagram is wider than its pane");
});

test("reduced motion: packets do not travel", async (page) => {
  await page.evaluate(() => {
    window.__moves = { elements: new Set(), transforms: new Set() };
    const loop = () => {
      const p = document.querySelector(".dg-packet");
      if (p) {
        window.__moves.elements.add(p);
        window.__moves.transforms.add(p.getAttribute("style"));
      }
      if (window.__moves.elements.size < 400) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await typeLine(page, "docker run -d --name a1 busybox sleep 1000");
  await animationDone(page);
  const { elements, transforms } = await page.evaluate(() => ({ elements: window.__moves.elements.size, transforms: window.__moves.transforms.size }));
  assert(elements > 3, `packets seen: ${elements}`);
  assert(transforms <= elements + 1, `${transforms} positions for ${elements} packets`);
}, { options: { reducedMotion: "reduce" } });

// ---------------------------------------------------------------------------------------
// The terminal

test("typing a line and Enter shows it with its output", async (page) => {
  await typeLine(page, "dokcer ps");
  await waitForText(page, "bash: dokcer: command not found");
  const text = await screenText(page);
  assert(text.includes("aluno@doca:~$ dokcer ps\nbash: dokcer: command not found"), `screen: ${text}`);
  assert((await inputValue(page)) === "", "input cleared");
});

test("↑ recalls the previous line and ↓ goes back", async (page) => {
  await typeLine(page, "echo first");
  await typeLine(page, "echo second");
  await page.keyboard.press("ArrowUp");
  assert((await inputValue(page)) === "echo second", "up once");
  await page.keyboard.press("ArrowUp");
  assert((await inputValue(page)) === "echo first", "up twice");
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

test("Ctrl+C stops an attached docker run nginx; the prompt comes back", async (page) => {
  await typeLine(page, "docker run --name web nginx");
  await waitForText(page, "start worker process", 20000);
  assert((await page.locator(".prompt-line .before").innerText()) === "", "no prompt while attached");
  await page.keyboard.press("Control+C");
  await waitForText(page, "^C");
  await waitForText(page, "signal 2 (SIGINT) received, exiting");
  await page.waitForFunction(() => document.querySelector(".prompt-line .before").innerText.includes("aluno@doca:~$"));
  await typeLine(page, "echo $?");
  await waitForText(page, "aluno@doca:~$ echo $?\n0\n");
});

test("time passes while attached: output of a running process arrives by itself", async (page) => {
  await typeLine(page, "docker run --name ticker busybox sh -c 'for i in 1 2 3; do echo tick $i; sleep 1; done'");
  await waitForText(page, "tick 1", 20000);
  await waitForText(page, "tick 3", 10000);
  await page.waitForFunction(() => document.querySelector(".prompt-line .before").innerText.includes("aluno@doca:~$"), null, { timeout: 10000 });
});

test("docker run -it alpine sh: a container prompt, then exit returns", async (page) => {
  await typeLine(page, "docker run -it alpine sh");
  await page.waitForFunction(() => document.querySelector(".prompt-line .before").innerText === "/ # ", null, { timeout: 20000 });
  await typeLine(page, "echo dentro; hostname | wc -c");
  await waitForText(page, "/ # echo dentro; hostname | wc -c\ndentro\n13\n");
  await page.keyboard.type("ls");
  await page.keyboard.press("Control+C");
  await waitForText(page, "/ # ls^C\n");
  await typeLine(page, "exit");
  await page.waitForFunction(() => document.querySelector(".prompt-line .before").innerText.includes("aluno@doca:~$"));
  await page.screenshot({ path: join(SHOTS, "app-run-it-1366x768.png") });
});

test("cat > nota.txt reads the lines typed until Ctrl+D; the prompt comes back", async (page) => {
  await typeLine(page, "cat > nota.txt");
  await page.waitForFunction(() => document.querySelector(".prompt-line .before").innerText === "");
  await typeLine(page, "primeira linha");
  await typeLine(page, "segunda linha");
  await page.keyboard.press("Control+D");
  await page.waitForFunction(() => document.querySelector(".prompt-line .before").innerText.includes("aluno@doca:~$"));
  await typeLine(page, "wc -l nota.txt");
  await waitForText(page, "2 nota.txt");
});

test("Tab completes commands and names; a second Tab lists the candidates", async (page) => {
  await page.keyboard.type("doc");
  await page.keyboard.press("Tab");
  assert((await inputValue(page)) === "docker ", `completed: ${await inputValue(page)}`);
  assert(await page.locator(".input").evaluate((el) => el === document.activeElement), "focus kept");
  await page.keyboard.type("sto");
  await page.keyboard.press("Tab");
  assert((await inputValue(page)) === "docker stop ", `subcommand: ${await inputValue(page)}`);
  await page.keyboard.press("Control+U");
  await typeLine(page, "docker run -d --name banco redis");
  await waitForText(page, "Status: Downloaded newer image for redis:latest");
  await page.keyboard.type("docker stop ba");
  await page.keyboard.press("Tab");
  assert((await inputValue(page)) === "docker stop banco ", `container name: ${await inputValue(page)}`);
  await page.keyboard.press("Control+U");
  await page.keyboard.type("h");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await waitForText(page, "history");
  assert((await screenText(page)).includes("help"), "listing");
  assert((await inputValue(page)) === "h", "line kept after listing");
});

test("Reiniciar starts over: empty terminal, history and diagram", async (page) => {
  await typeLine(page, "docker run -d --name web busybox sleep 100");
  await animationDone(page);
  assert(await node(page, "Contêiner, web").isVisible(), "container before reset");
  await page.getByRole("button", { name: "Reiniciar" }).click();
  await page.waitForFunction(() => !document.querySelector(".screen").innerText.includes("busybox"));
  await page.waitForFunction(() => document.activeElement?.classList.contains("input"));
  assert((await node(page, "Contêiner").count()) === 0, "containers gone");
  assert((await page.locator(".dg-svg").innerHTML()).includes("nenhuma imagem"), "images gone");
  await page.keyboard.press("ArrowUp");
  assert((await inputValue(page)) === "", "history emptied");
});

test("pasting 100 lines runs each of them", async (page) => {
  const lines = Array.from({ length: 100 }, (_, i) => `cmd${i}`).join("\n") + "\n";
  await paste(page, lines);
  await waitForText(page, "bash: cmd99: command not found");
  const n = count(await screenText(page), "command not found");
  assert(n === 100, `ran ${n} lines`);
});

test("pasting 10,000 lines keeps the page responsive and the scrollback capped", async (page) => {
  const lines = Array.from({ length: 10000 }, (_, i) => `l${i}`).join("\n") + "\n";
  await paste(page, lines);
  // The page answers while the paste runs (one batch per tick).
  const started = Date.now();
  await page.evaluate(() => 1);
  assert(Date.now() - started < 1000, "page blocked");
  await waitForText(page, "bash: l9999: command not found", 90000);
  const rendered = await page.locator(".screen .line").count();
  assert(rendered <= 5001, `rendered ${rendered} lines`);
  const text = await screenText(page);
  assert(count(text, "bash: l9998: command not found") === 1, "a line ran twice");
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

test("phone: on-screen keys complete, recall history and interrupt", async (page) => {
  await typeLine(page, "dokcer images");
  await page.getByRole("button", { name: "Comando anterior (seta para cima)" }).click();
  assert((await inputValue(page)) === "dokcer images", "↑ key");
  await page.getByRole("button", { name: "Interromper (Ctrl+C)" }).click();
  await waitForText(page, "dokcer images^C");
  await page.keyboard.type("doc");
  await page.getByRole("button", { name: "Completar (Tab)" }).click();
  assert((await inputValue(page)) === "docker ", `Tab key: ${await inputValue(page)}`);
}, { viewport: PHONE });

test("on-screen keys are hidden on a laptop", async (page) => {
  assert(!(await page.locator(".screen-keys").isVisible()), "keys visible on a laptop");
});

lessonTests(test, { assert, typeLine, waitForText, screenText });

// Screenshots at the sizes the app is used at: laptop, projector, phone.
for (const [name, viewport] of [["1366x768", LAPTOP], ["1920x1080", { width: 1920, height: 1080 }], ["390x844", PHONE]]) {
  test(`screenshot ${name}`, async (page) => {
    await typeLine(page, RUN_NGINX);
    await typeLine(page, "docker run -d --name cache redis");
    await waitForText(page, "Status: Downloaded newer image for redis:latest");
    await animationDone(page);
    await page.keyboard.type("docker ps");
    const fits = await page.evaluate(() => {
      const stage = document.querySelector(".dg-stage");
      return stage.scrollWidth <= stage.clientWidth + 1;
    });
    assert(fits, "the diagram is wider than its pane");
    const pageFits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert(pageFits, "the page is wider than the window (it scrolls sideways)");
    await page.screenshot({ path: join(SHOTS, `app-${name}.png`) });
  }, { viewport });
}

// The first stage: the WebAssembly is held back while two lines are typed; they run once
// the simulator is there, in order, each echoed once.
async function firstStage(browser) {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(process.env.DOCA_URL || "http://127.0.0.1:8080/");
  await page.waitForFunction(() => document.activeElement?.classList.contains("input"));
  assert((await page.locator(".status").innerText()).startsWith("Carregando o simulador"), "loading status");
  await typeLine(page, "echo um");
  await typeLine(page, "echo dois");
  await page.keyboard.type("echo tr");
  assert((await screenText(page)).includes("aluno@doca:~$ echo um\naluno@doca:~$ echo dois"), "echoed while loading");
  await page.screenshot({ path: join(SHOTS, "app-first-stage-1366x768.png") });
  release();
  await page.waitForSelector(".dg-pane", { timeout: 30000 });
  await waitForText(page, "aluno@doca:~$ echo dois\ndois\n");
  const text = await screenText(page);
  assert(text.startsWith("aluno@doca:~$ echo um\num\naluno@doca:~$ echo dois\ndois\n"), `after loading: ${text}`);
  assert(count(text, "echo um") === 1, "a line ran twice");
  assert((await inputValue(page)) === "echo tr", `draft kept: ${await inputValue(page)}`);
  assert(await page.locator(".input").evaluate((el) => el === document.activeElement), "focus kept");
  if (problems.length) throw new Error(problems.join("; "));
  await context.close();
}

const browser = await launch();
let passed = 0;
let failed = 0;
let skipped = 0;
const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
for (const [i, t] of tests.entries()) {
  if (ONLY && !t.name.includes(ONLY)) continue;
  if (t.skip) {
    skipped++;
    console.log(`ok ${i + 1} - ${t.name} # SKIP ${t.skip}`);
    continue;
  }
  let session;
  try {
    if (t.custom) {
      await Promise.race([firstStage(browser), timeout(TEST_TIMEOUT_MS)]);
    } else {
      session = await open(browser, t.viewport || LAPTOP, t.options || {});
      await Promise.race([t.fn(session.page, session), timeout(TEST_TIMEOUT_MS)]);
      if (session.problems.length) throw new Error(session.problems.join("; "));
    }
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
