// The query page: runs the editor's query on /sparql, shows the results as a table, and
// downloads them as CSV or JSON. Every value is set as text (textContent), never as HTML.
(function () {
  "use strict";
  const form = document.getElementById("query-form");
  if (!form) { return; }
  const status = document.getElementById("query-status");
  const output = document.getElementById("results");
  const pages = JSON.parse(form.dataset.pages);

  function post(accept, query) {
    return fetch(form.action, {
      method: "POST",
      headers: { "Accept": accept, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: query }),
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

  // The namespaces an IRI is shortened by: polgraph's, and the PREFIX lines of the query run
  // (which name them as its author chose), the longest first so the closest one names it.
  function namespacesOf(query) {
    const found = Object.entries(pages.prefixes);
    for (const declared of query.matchAll(/PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]+)>/gi)) {
      found.push([declared[1] || "", declared[2]]);
    }
    return found.sort((a, b) => b[1].length - a[1].length);
  }

  // An IRI as a reader takes it in at a glance: a polgraph node as kind/id, a prefixed name,
  // else its last two segments. The cell's title holds the whole IRI.
  function compact(iri, namespaces) {
    if (iri.startsWith(pages.base)) { return iri.slice(pages.base.length); }
    for (const [prefix, namespace] of namespaces) {
      const local = iri.slice(namespace.length);
      if (iri.startsWith(namespace) && local && !/[/#?]/.test(local)) { return prefix + ":" + local; }
    }
    const trimmed = iri.replace(/[/#]+$/, "");
    const tail = trimmed.split(/[/#]/).filter(Boolean).slice(-2).join("/");
    return tail && tail.length < trimmed.length ? "…/" + tail : iri;
  }

  // Only a web address is a link: data may hold javascript: or data: IRIs.
  function hrefOf(iri) {
    return pageOf(iri) || (/^https?:\/\//i.test(iri) ? iri : null);
  }

  const SHORT_DATATYPES = /#(date|dateTime|gYear|gYearMonth|time|integer|int|long|decimal|double|float|boolean|nonNegativeInteger)$/;

  function cell(term, namespaces) {
    const td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      const href = hrefOf(term.value);
      const shown = document.createElement(href ? "a" : "span");
      if (href) { shown.href = href; }
      shown.title = term.value;
      shown.textContent = compact(term.value, namespaces);
      td.className = "iri";
      td.appendChild(shown);
    } else if (term.type === "bnode") {
      td.className = "iri";
      td.textContent = "_:" + term.value;
    } else {
      // Dates and numbers stay on one line; words wrap as text does.
      td.className = SHORT_DATATYPES.test(term.datatype || "") ? "value" : term.value.length > 40 ? "text long" : "text";
      td.textContent = term.value;
      if (term["xml:lang"]) { td.lang = term["xml:lang"]; }
    }
    return td;
  }

  function table(results, query) {
    const namespaces = namespacesOf(query);
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
      for (const name of names) { tr.appendChild(cell(row[name], namespaces)); }
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
    const query = form.elements.query.value;
    const response = await post("application/sparql-results+json, text/turtle;q=0.9", query);
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
    const [element, count] = table(found, query);
    output.appendChild(element);
    say(form.dataset.rows.replace("{n}", count), false);
  }

  async function download(button) {
    const response = await post(button.dataset.accept, form.elements.query.value);
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
