// The query page: runs the editor's query on /sparql, shows the results as a table, and
// downloads them as CSV or JSON. Every value is set as text (textContent), never as HTML.
(function () {
  "use strict";
  const form = document.getElementById("query-form");
  if (!form) { return; }
  const status = document.getElementById("query-status");
  const output = document.getElementById("results");
  const pages = JSON.parse(form.dataset.pages);

  function post(accept) {
    return fetch(form.action, {
      method: "POST",
      headers: { "Accept": accept, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: form.elements.query.value }),
    });
  }

  // The server's errors are {"error": …, "detail": …}.
  async function problemOf(response) {
    try {
      const found = await response.json();
      const detail = typeof found.detail === "string" ? found.detail : JSON.stringify(found.detail);
      return found.detail ? found.error + ": " + detail : found.error;
    } catch (ignored) {
      return response.status + " " + response.statusText;
    }
  }

  // The page of a node of the graph, as the server's pages name them; null when none.
  function pageOf(iri) {
    if (!iri.startsWith(pages.base)) { return null; }
    const rest = iri.slice(pages.base.length);
    if (pages.places.some((kind) => rest.startsWith(kind))) { return pages.to_places + rest; }
    const cut = rest.indexOf("/");
    const page = pages.kinds[rest.slice(0, cut + 1)];
    const id = rest.slice(cut + 1);
    return page && id && !id.includes("/") && !id.includes("#") ? page + id : null;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) { return td; }
    const page = term.type === "uri" ? pageOf(term.value) : null;
    if (page) {
      const link = document.createElement("a");
      link.href = page;
      link.title = term.value;
      link.textContent = term.value.slice(pages.base.length);  // the id part: the rest is the same for all
      td.appendChild(link);
    } else {
      td.textContent = term.value;
    }
    return td;
  }

  function table(results) {
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
      for (const name of names) { tr.appendChild(cell(row[name])); }
    }
    return [element, rows.length];
  }

  function say(words, failed) {
    status.textContent = words;
    status.className = failed ? "problem" : "count";
    status.setAttribute("role", failed ? "alert" : "status");
  }

  async function run(event) {
    event.preventDefault();
    say(form.dataset.running, false);
    output.replaceChildren();
    const response = await post("application/sparql-results+json, text/turtle;q=0.9");
    if (!response.ok) {
      say(form.dataset.failed + ": " + await problemOf(response), true);
      return;
    }
    const type = response.headers.get("content-type") || "";
    if (!type.includes("json")) {
      const text = document.createElement("pre");
      text.textContent = await response.text();
      output.appendChild(text);
      say("", false);
      return;
    }
    const found = await response.json();
    if ("boolean" in found) {
      say(String(found.boolean), false);
      return;
    }
    const [element, count] = table(found);
    output.appendChild(element);
    say(form.dataset.rows.replace("{n}", count), false);
  }

  async function download(button) {
    const response = await post(button.dataset.accept);
    if (!response.ok) {
      say(form.dataset.failed + ": " + await problemOf(response), true);
      return;
    }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = form.dataset.name + "." + button.dataset.extension;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  form.addEventListener("submit", run);
  for (const button of form.querySelectorAll("button.download")) {
    button.addEventListener("click", () => download(button));
  }
}());
