// The query page without its SPARQL editor (not installed, or its script did not load): runs the
// text box's query on /sparql, shows the results as a table, and downloads them as CSV or JSON.
// What it shares with the editor is in query-results.js. Every value is set as text
// (textContent), never as HTML.
(function () {
  "use strict";
  const form = document.getElementById("query-form");
  // The editor, when it loaded, has taken the form over.
  if (!form || form.dataset.editor || !window.PolgraphQueries) { return; }
  const page = window.PolgraphQueries(form);
  const output = document.getElementById("results");
  const text = form.elements.query;
  text.value = page.initialQuery(text.value);

  function table(results, query) {
    const namespaces = page.namespacesOf(query);
    const names = results.head.vars || [];
    const rows = results.results.bindings;
    const element = document.createElement("table");
    const head = element.createTHead().insertRow();
    for (const name of names) {
      const th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    }
    const body = element.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const name of names) { tr.appendChild(page.cell(row[name], namespaces)); }
    }
    return [element, rows.length];
  }

  function pick(query) {
    text.value = query;
    text.focus();
  }

  async function run(event) {
    event.preventDefault();
    page.say(form.dataset.running, false);
    output.replaceChildren();
    const query = text.value;
    page.remember(query, pick);
    const response = await page.post("application/sparql-results+json, text/turtle;q=0.9", query);
    if (!response.ok) {
      page.say(form.dataset.failed + ": " + await page.problemOf(response), true);
      return;
    }
    const type = response.headers.get("content-type") || "";
    if (!type.includes("json")) {
      const turtle = document.createElement("pre");
      turtle.textContent = await response.text();
      output.appendChild(turtle);
      page.say("", false);
      return;
    }
    const found = await response.json();
    if ("boolean" in found) {
      page.say(String(found.boolean), false);
      return;
    }
    const [element, count] = table(found, query);
    output.appendChild(element);
    page.say(form.dataset.rows.replace("{n}", count), false);
  }

  form.addEventListener("submit", run);
  for (const button of form.querySelectorAll("button.download")) {
    button.addEventListener("click", () => page.download(button, text.value));
  }
  document.getElementById("copy-link").addEventListener("click", () => page.copyLink(text.value));
  page.showHistory(pick);
}());
