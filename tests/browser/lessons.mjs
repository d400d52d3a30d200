// Browser tests of the lesson pane: the map, a step with its objective, hints and solution,
// progress kept across reloads, reset and free mode. Registered by run.mjs.

export function lessonTests(test, { assert, typeLine, waitForText, screenText }) {
  const pane = (page) => page.locator("aside.lessons");
  const openPane = async (page) => {
    await page.getByRole("button", { name: "Lições" }).click();
    await pane(page).waitFor();
  };
  const openLesson = async (page, number) => {
    await openPane(page);
    await page.locator(".map-item").nth(number - 1).locator("button").click();
    await page.locator(".lesson-step").waitFor();
  };

  test("the lesson map lists the course and opens a lesson at its first step", async (page) => {
    await openPane(page);
    const items = page.locator(".map-item");
    assert((await items.count()) >= 12, `lessons: ${await items.count()}`);
    assert((await items.nth(1).innerText()).includes("Seu primeiro contêiner"), "lesson 2 listed");
    await items.nth(1).locator("button").click();
    const step = page.locator(".lesson-step");
    await step.waitFor();
    assert((await step.getAttribute("data-lesson")) === "02-primeiro-conteiner", "lesson 2 open");
    assert((await page.locator(".step-count").innerText()).startsWith("Passo 1 de"), "first step");
    assert((await page.locator(".step-title").innerText()).includes("hello-world"), "step title");
    assert(await page.locator(".objective.pending").isVisible(), "objective not met yet");
    assert((await page.locator(".objective .check").getAttribute("aria-label")) === "Objetivo ainda não cumprido", "check label");
    await waitForText(page, "Lição aberta: 2. Seu primeiro contêiner");
  });

  test("hints come one at a time, then the solution", async (page) => {
    await openLesson(page, 2);
    const hint = page.getByRole("button", { name: "Dica", exact: true });
    await hint.click();
    assert((await page.locator(".hints li").count()) === 1, "one hint");
    assert(!(await page.locator(".hints").innerText()).includes("docker run hello-world"), "the first hint is a nudge");
    await hint.click();
    assert((await page.locator(".hints li").count()) === 2, "two hints");
    assert((await page.locator(".hints").innerText()).includes("docker run hello-world"), "the last hint has the command");
    assert((await hint.count()) === 0, "no more hints");
    await page.getByRole("button", { name: "Mostrar solução" }).click();
    assert((await page.locator(".solution pre").innerText()) === "docker run hello-world", "solution");
  });

  test("the step, the lesson and the typed lines survive a reload", async (page) => {
    await openLesson(page, 3);
    await page.getByRole("button", { name: "Próximo", exact: true }).click();
    assert((await page.locator(".step-count").innerText()).startsWith("Passo 2 de"), "second step");
    await page.locator(".input").click();
    await typeLine(page, "echo oi");
    await page.reload();
    await page.waitForFunction(() => document.activeElement?.classList.contains("input"), null, { timeout: 20000 });
    await page.locator(".lesson-step").waitFor();
    assert((await page.locator(".lesson-step").getAttribute("data-lesson")) === "03-imagens-e-camadas", "lesson 3 reopened");
    assert((await page.locator(".step-count").innerText()).startsWith("Passo 2 de"), "still at step 2");
    await waitForText(page, "1 comando reexecutado");
  });

  test("Recomeçar lição forgets the lesson's progress", async (page) => {
    await openLesson(page, 3);
    await page.getByRole("button", { name: "Próximo", exact: true }).click();
    await page.getByRole("button", { name: "Recomeçar lição" }).click();
    await page.waitForFunction(() => document.querySelector(".step-count")?.innerText.startsWith("Passo 1 de"));
    await page.reload();
    await page.locator(".lesson-step").waitFor();
    assert((await page.locator(".step-count").innerText()).startsWith("Passo 1 de"), "back at step 1 after reload");
  });

  test("free mode has no objective and the map shows where you are", async (page) => {
    await openLesson(page, 4);
    await page.getByRole("button", { name: "Mapa do curso" }).click();
    assert((await page.locator(".map-item.current").innerText()).includes("ciclo de vida"), "current lesson marked");
    await page.getByRole("button", { name: "Modo livre" }).click();
    assert(await page.locator(".sandbox-note").isVisible(), "free mode note");
    assert((await page.locator(".objective").count()) === 0, "no objective in free mode");
  });

  test("a step can point at the diagram", async (page) => {
    await openLesson(page, 1);
    assert((await page.locator(".look").innerText()).includes("o cliente (CLI docker)"), "look note");
    const destaque = await page.locator("section.architecture").getAttribute("data-destaque");
    assert(destaque === "client->daemon", `data-destaque: ${destaque}`);
  });

  test(
    "lesson 2 completed by typing: check mark, reload, progress kept",
    async (page) => {
      await openLesson(page, 2);
      await page.locator(".input").click();
      await typeLine(page, "docker run hello-world");
      await waitForText(page, "Hello from Docker!");
      await page.locator(".objective.met").waitFor();
      assert((await page.locator(".objective .check").innerText()) === "✓", "check mark");
      assert(await page.getByText("Muito bem!").isVisible(), "well done");
      await page.getByRole("button", { name: "Próximo", exact: true }).click();
      await page.locator(".input").click();
      await typeLine(page, "docker run --name ola hello-world");
      await page.locator(".objective.met").waitFor();
      await page.reload();
      await page.locator(".lesson-step").waitFor();
      assert((await page.locator(".step-count").innerText()).startsWith("Passo 2 de"), "still at step 2");
      assert(await page.locator(".objective.met").isVisible(), "the replayed world still meets the goal");
      assert((await page.locator(".dot.done").count()) === 2, "two steps done");
      assert((await screenText(page)).includes("2 comandos reexecutados"), "lines replayed");
      await page.getByRole("button", { name: "Mapa do curso" }).click();
      assert((await page.locator(".map-item").nth(1).locator(".map-status").innerText()) === "2/4", "map progress");
    },
  );
}
