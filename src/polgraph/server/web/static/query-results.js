// What the query page's two faces share: the SPARQL editor (query-editor.js) and the plain text
// box it falls back to (queries.js). How a term of the results is shown (a polgraph node as a
// link to its page, other IRIs short, text as text), the server's errors, the downloads, the
// shareable link and the history of the queries run. Every value is set as text (textContent),
// never as HTML.
window.PolgraphQueries = function (form) {
  "use strict";
  const status = document.getElementById("query-status");
  const pages = JSON.parse(form.dataset.pages);
  const HISTORY_KEY = "polgraph.queries.history";
  const HISTORY_SIZE = 20;

  function post(accept, query) {
    return fetch(form.action, {
      method: "POST",
      headers: { "Accept": accept, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: query }),
    });
  }

  // The server's errors are {"error": …, "detail": …}; a query that does not parse also has
  // its "line" and "column".
  function problemIn(text) {
    try {
      const found = JSON.parse(text);
      if (found && typeof found.error === "string") { return found; }
    } catch (ignored) { /* not one of the server's errors */ }
    return null;
  }

  function problemWords(found) {
    const detail = typeof found.detail === "string" ? found.detail : JSON.stringify(found.detail);
    return found.detail ? found.error + ": " + detail : found.error;
  }

  async function problemOf(response) {
    const found = problemIn(await response.text());
    return found ? problemWords(found) : response.status + " " + response.statusText;
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
  // else its last two segments. The element's title holds the whole IRI.
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

  // How a cell holding ``term`` is laid out: IRIs, dates and numbers on one line, words wrapped.
  function cellClass(term) {
    if (!term) { return ""; }
    if (term.type === "uri" || term.type === "bnode") { return "iri"; }
    if (SHORT_DATATYPES.test(term.datatype || "")) { return "value"; }
    return term.value.length > 40 ? "text long" : "text";
  }

  // A term of the results (SPARQL JSON's form) as an element: a link, a span or text.
  function termElement(term, namespaces) {
    if (term.type === "uri") {
      const href = hrefOf(term.value);
      const shown = document.createElement(href ? "a" : "span");
      if (href) { shown.href = href; }
      shown.title = term.value;
      shown.textContent = compact(term.value, namespaces);
      return shown;
    }
    const shown = document.createElement("span");
    shown.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
    if (term["xml:lang"]) { shown.lang = term["xml:lang"]; }
    return shown;
  }

  function cell(term, namespaces) {
    const td = document.createElement("td");
    if (!term) { return td; }
    td.className = cellClass(term);
    if (term.type === "uri") {
      td.appendChild(termElement(term, namespaces));
    } else {
      td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
      if (term["xml:lang"]) { td.lang = term["xml:lang"]; }
    }
    return td;
  }

  function say(words, failed) {
    status.textContent = words;
    status.className = failed ? "problem" : "count";
    status.setAttribute("role", failed ? "alert" : "status");
  }

  async function download(button, query) {
    const response = await post(button.dataset.accept, query);
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

  // The query a link brought (/queries?query=…), else the page's own (a named query's text).
  function initialQuery(fallback) {
    const shared = new URLSearchParams(window.location.search).get("query");
    return shared === null ? fallback : shared;
  }

  // A link that opens this page with ``query`` in it: shown, put in the address bar (a reload
  // keeps the query) and copied where the browser lets a page write the clipboard.
  function copyLink(query) {
    const url = new URL("/queries", window.location.href);
    url.search = new URLSearchParams({ query: query }).toString();
    window.history.replaceState(null, "", url.href);
    const field = document.getElementById("share-link");
    field.value = url.href;
    field.hidden = false;
    field.select();
    const byHand = () => say(form.dataset.copyByHand, false);
    if (!navigator.clipboard) { byHand(); return; }
    navigator.clipboard.writeText(url.href).then(() => say(form.dataset.copied, false), byHand);
  }

  // The queries run here, newest first, kept in this browser only.
  function remembered() {
    try {
      const found = JSON.parse(window.localStorage.getItem(HISTORY_KEY) || "[]");
      return Array.isArray(found) ? found.filter((entry) => typeof entry.query === "string") : [];
    } catch (ignored) {
      return [];
    }
  }

  // A query's line that says what it is: the first that is neither a PREFIX nor a comment.
  function headline(query) {
    const lines = query.split("\n").map((line) => line.trim());
    const telling = lines.find((line) => line && !/^(PREFIX|BASE)\b/i.test(line) && !line.startsWith("#"));
    const line = telling || lines.find(Boolean) || "";
    return line.length > 90 ? line.slice(0, 89) + "…" : line;
  }

  function showHistory(pick) {
    const box = document.getElementById("query-history");
    const list = box.querySelector("ol");
    const entries = remembered();
    list.replaceChildren();
    for (const entry of entries) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "history-entry";
      button.title = entry.query;
      button.textContent = headline(entry.query);
      button.addEventListener("click", () => pick(entry.query));
      const when = document.createElement("time");
      when.dateTime = entry.at;
      when.textContent = new Date(entry.at).toLocaleString(document.documentElement.lang);
      item.append(button, " ", when);
      list.appendChild(item);
    }
    box.hidden = entries.length === 0;
  }

  function remember(query, pick) {
    if (!query.trim()) { return; }
    const entries = remembered().filter((entry) => entry.query !== query);
    entries.unshift({ query: query, at: new Date().toISOString() });
    try {
      window.localStorage.setItem(HISTORY_KEY, JSON.stringify(entries.slice(0, HISTORY_SIZE)));
    } catch (ignored) { /* storage full or refused: the history is a convenience */ }
    showHistory(pick);
  }

  return {
    post, problemIn, problemWords, problemOf, namespacesOf, cellClass, termElement, cell, say,
    download, initialQuery, copyLink, showHistory, remember,
  };
};
