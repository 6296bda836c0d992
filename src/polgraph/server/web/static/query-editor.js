// The query page's SPARQL editor: YASGUI's editor (Yasqe: highlighting, syntax checking,
// completion) in place of the text box, and its results view (Yasr: a table that sorts, the
// Turtle of a CONSTRUCT or DESCRIBE). Nothing is asked of another host: the queries go to this
// server's /sparql, the prefixes and terms completed come from its own list
// (/queries/completions.json), and YASGUI's remote completers (prefix.cc, Linked Open
// Vocabularies) are left unused. Without YASGUI (not installed, or its script did not load)
// this does nothing and queries.js runs the text box.
(function () {
  "use strict";
  const form = document.getElementById("query-form");
  const Yasqe = window.Yasqe;
  const Yasr = window.Yasr;
  if (!form || !Yasqe || !Yasr || !window.PolgraphQueries) { return; }
  const page = window.PolgraphQueries(form);
  const textarea = form.elements.query;
  const output = document.getElementById("results");
  const syntax = document.getElementById("query-syntax");

  // -- completion: polgraph's prefixes, and the classes and properties of its store ----------
  const known = { prefixes: JSON.parse(form.dataset.pages).prefixes, classes: [], properties: [] };
  const completions = fetch(form.dataset.completions, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : null))
    .then((found) => { if (found) { Object.assign(known, found); } return known; })
    .catch(() => known);  // no completion of terms, the editor still works
  const LOCAL_NAME = /^[A-Za-z_][\w-]*$/;
  const SUGGESTIONS = 50;

  // The IRIs of ``iris`` the word typed could begin: a whole IRI, a prefixed name (its prefix
  // declared or polgraph's), or a bare local name ("na" finds pg:name).
  function matching(iris, yasqe, token) {
    const typed = (token.autocompletionString || token.string || "").trim().replace(/^</, "");
    if (!typed) { return []; }
    let wanted = (iri) => iri.startsWith(typed);
    const colon = typed.indexOf(":");
    if (colon < 0) {
      const lower = typed.toLowerCase();
      wanted = (iri) => iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1)
        .toLowerCase().startsWith(lower);
    } else if (!typed.includes("//") && !typed.startsWith("urn:")) {
      const prefix = typed.slice(0, colon);
      const namespace = yasqe.getPrefixesFromQuery()[prefix] || known.prefixes[prefix];
      if (!namespace) { return []; }
      const start = namespace + typed.slice(colon + 1);
      wanted = (iri) => iri.startsWith(start);
    }
    return iris.filter(wanted).slice(0, SUGGESTIONS);
  }

  // An IRI as it is written in the query: by a prefix the query declares, else by one of
  // polgraph's (the prefix completer then declares it), else whole.
  function written(yasqe, iri) {
    const prefixes = [...Object.entries(yasqe.getPrefixesFromQuery()), ...Object.entries(known.prefixes)];
    for (const [prefix, namespace] of prefixes) {
      if (iri.startsWith(namespace) && LOCAL_NAME.test(iri.slice(namespace.length))) {
        return prefix + ":" + iri.slice(namespace.length);
      }
    }
    return "<" + iri + ">";
  }

  // Yasqe's own prefix completer (which also declares a prefix as soon as it is used) over
  // polgraph's list; its class and property completers over the store's terms. Kept in no
  // browser storage: a new ontology term shows at once.
  Yasqe.forkAutocompleter("prefixes", {
    name: "polgraph-prefixes",
    persistenceId: null,
    get: () => completions.then((found) => Object.entries(found.prefixes)
      .map(([prefix, namespace]) => prefix + ": <" + namespace + ">").sort()),
  }, false);
  for (const [from, kind] of [["property", "properties"], ["class", "classes"]]) {
    Yasqe.forkAutocompleter(from, {
      name: "polgraph-" + kind,
      persistenceId: null,
      autoShow: true,
      get: (yasqe, token) => completions.then((found) => matching(found[kind], yasqe, token)),
      postProcessSuggestion: (yasqe, token, iri) => written(yasqe, iri),
    }, false);
  }
  // Set, not merged: Yasqe merges a config's lists with its defaults item by item.
  Yasqe.defaults.autocompleters = ["variables", "polgraph-prefixes", "polgraph-properties", "polgraph-classes"];

  // -- the editor ------------------------------------------------------------------------------
  const holder = document.createElement("div");
  holder.id = "query-editor";
  textarea.before(holder);
  textarea.hidden = true;
  const yasqe = new Yasqe(holder, {
    value: page.initialQuery(textarea.value),
    persistenceId: null,  // the page says which query it opens: a link's, or a named one
    consumeShareLink: null,  // this page reads its own links (?query=…)
    createShareableLink: null,  // the page's "copy link" button makes them
    showQueryButton: false,  // the form's Run button runs it
    editorHeight: "20rem",
    requestConfig: {
      endpoint: form.action,  // this server's /sparql, its limits and all
      method: "POST",
      acceptHeaderSelect: "application/sparql-results+json",
      acceptHeaderGraph: "text/turtle",
    },
  });
  const input = yasqe.getInputField();
  input.id = "query-input";
  form.querySelector("label[for=query-text]").htmlFor = input.id;

  // What the editor's own check finds, in words, under it as the query is written.
  const SYMBOLS = {
    VAR1: "?x", VAR2: "?x", IRI_REF: "<iri>", PNAME_LN: "prefix:name", PNAME_NS: "prefix:",
    STRING_LITERAL1: '"text"', STRING_LITERAL2: '"text"', STRING_LITERAL_LONG1: '"text"',
    STRING_LITERAL_LONG2: '"text"', BLANK_NODE_LABEL: "_:b", NIL: "()", ANON: "[]", LANGTAG: "@lang",
  };
  const NUMBER = /^(INTEGER|DECIMAL|DOUBLE)(_POSITIVE|_NEGATIVE)?$/;
  function describeSyntax() {
    syntax.hidden = true;
    if (yasqe.queryValid) { return; }
    for (let line = 0; line < yasqe.lineCount(); line += 1) {
      if (!(yasqe.lineInfo(line).gutterMarkers || {}).gutterErrorBar) { continue; }
      const state = yasqe.getTokenAt({ line: line, ch: yasqe.getLine(line).length }, true).state;
      const expected = [...new Set((state.possibleCurrent || [])
        .map((token) => SYMBOLS[token] || (NUMBER.test(token) ? "1" : token)))];
      syntax.textContent = form.dataset.syntax
        .replace("{line}", line + 1).replace("{expected}", expected.join("  "));
      syntax.hidden = false;
      return;
    }
  }

  // A line the server found fault with, marked until the query changes.
  let marked = null;
  function mark(line) {
    if (marked !== null) { yasqe.removeLineClass(marked, "background", "query-fault"); }
    marked = line === null ? null : yasqe.addLineClass(line, "background", "query-fault");
  }
  yasqe.on("change", () => {
    textarea.value = yasqe.getValue();
    mark(null);
    describeSyntax();
  });
  describeSyntax();

  // -- the results -----------------------------------------------------------------------------
  let queryRun = "";

  // Yasr's table, its cells drawn as the plain table draws them: a polgraph node a link to its
  // page, other IRIs short with the whole in their title, text as text. DataTables puts a
  // cell's display form in as HTML: it is made of elements whose values were set as text.
  class LinkedTable extends Yasr.plugins.table {
    getColumns() {
      const namespaces = page.namespacesOf(queryRun);
      const columns = super.getColumns();
      for (const column of columns.slice(1)) {  // the first is the row number
        const plain = column.render;
        column.render = (term, type, row, meta) => {
          if (type !== "display" || term === "") { return plain(term, type, row, meta); }
          const box = document.createElement("div");
          box.appendChild(page.termElement(term, namespaces));
          return box.outerHTML;
        };
        column.createdCell = (cell, term) => { if (term !== "") { cell.className = page.cellClass(term); } };
      }
      return columns;
    }
  }
  Yasr.registerPlugin("table", LinkedTable);
  Object.assign(LinkedTable.defaults.tableConfig.language, JSON.parse(form.dataset.tableWords));

  // YASGUI writes its own words in English: each one the page has words for, in its language.
  // Not in the results themselves: a value "True" or "All" is data, shown as it is.
  const WORDS = JSON.parse(form.dataset.libraryWords);
  const ATTRIBUTES = ["placeholder", "title", "aria-label"];
  const isData = (node) => Boolean(node.parentElement && node.parentElement.closest("tbody, .CodeMirror"));
  function inPageLanguage(root) {
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const said = node.nodeValue.trim();
      if (WORDS[said] && !isData(node)) { node.nodeValue = node.nodeValue.replace(said, WORDS[said]); }
    }
    for (const element of root.querySelectorAll(ATTRIBUTES.map((name) => "[" + name + "]").join(","))) {
      if (element.closest("tbody, .CodeMirror")) { continue; }
      for (const name of ATTRIBUTES) {
        const said = element.getAttribute(name);
        if (said && WORDS[said]) { element.setAttribute(name, WORDS[said]); }
      }
    }
    const chip = root.querySelector(".yasr_response_chip");
    const told = chip && /^(?:(\d+) results?|Response) in ([\d.]+) seconds?$/.exec(chip.textContent);
    if (told) {
      chip.textContent = told[1] === undefined
        ? form.dataset.answeredIn.replace("{seconds}", told[2])
        : form.dataset.resultsIn.replace("{n}", told[1]).replace("{seconds}", told[2]);
    }
  }

  // The server's error ({"error", "detail"}), as the server words it.
  async function renderProblem(error) {
    const found = page.problemIn(error.text || "");
    if (!found) { return undefined; }
    const words = document.createElement("pre");
    words.className = "query-problem";
    words.textContent = page.problemWords(found);
    return words;
  }

  const yasr = new Yasr(output, {
    persistenceId: null,  // results are the page's, not kept in the browser
    prefixes: () => Object.fromEntries(page.namespacesOf(queryRun)),
    errorRenderers: [renderProblem],
    getDownloadFileName: () => form.dataset.name,
  });
  inPageLanguage(yasr.rootEl);
  yasr.on("drawn", () => inPageLanguage(yasr.rootEl));

  yasqe.on("query", () => {
    queryRun = yasqe.getValue();
    page.remember(queryRun, pick);
    page.say(form.dataset.running, false);
  });
  yasqe.on("queryResponse", (instance, response, duration) => {
    if (response instanceof Error) {
      // The first line of what went wrong: the rest (the line with its caret) is in the results.
      const found = page.problemIn(response.message);
      const told = found ? page.problemWords(found) : response.message;
      page.say(form.dataset.failed + ": " + told.split("\n")[0].slice(0, 300), true);
      if (found && Number.isInteger(found.line)) { mark(found.line - 1); }
    } else {
      // A graph is read as the Turtle it came in, with polgraph's prefixes; rows as a table.
      const graph = ["CONSTRUCT", "DESCRIBE"].includes(yasqe.getQueryType());
      yasr.selectPlugin(graph ? "response" : "table");
    }
    yasr.setResponse(response, duration);
    if (!(response instanceof Error)) { page.say(counted(), false); }
  });

  function counted() {
    const results = yasr.results;
    if (!results || results.getBoolean && typeof results.getBoolean() === "boolean") { return ""; }
    const count = (results.getBindings() || []).length;
    const graph = ["CONSTRUCT", "DESCRIBE"].includes(yasqe.getQueryType());
    return (graph ? form.dataset.triples : form.dataset.rows).replace("{n}", count);
  }

  function pick(query) {
    yasqe.setValue(query);
    yasqe.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    yasqe.query().catch(() => {});  // a failure is told by the queryResponse handler
  });
  for (const button of form.querySelectorAll("button.download")) {
    button.addEventListener("click", () => page.download(button, yasqe.getValue()));
  }
  document.getElementById("copy-link").addEventListener("click", () => page.copyLink(yasqe.getValue()));
  page.showHistory(pick);
  form.dataset.editor = "yasgui";  // queries.js leaves the form to the editor
}());
