// Networks drawn in the page with cytoscape.js (served from /vendor/, never from elsewhere):
// each figure.drawing fetches the JSON its data-url names, draws it, and lets the reader zoom,
// pan, hover a person for their name and posts, click through to their page, and narrow the
// ties to some years. Text from the data is only ever set as text (textContent), never as
// HTML: names come from reports. The figure tells what it shows in data-state (loading, ready,
// failed), data-drawn-persons and data-drawn-ties, and keeps the drawing in .polgraphDrawing.
(function () {
  "use strict";
  // The colours of the pictures (polgraph.analytics.drawing), one per community.
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
    "#c49c94"];
  const NAMED = 20; // names written beside the most central nodes; the others' on hover
  const POSTS_SHOWN = 6;

  function yearOf(date) { return Number(date.slice(0, 4)); }

  // The elements cytoscape draws: nodes sized by the measure chosen (their area by its
  // value), coloured by community; ties as thick as their events, hand-overs labelled.
  function elementsOf(data) {
    const largest = Math.max(0, ...data.nodes.map((node) => node.size || 0));
    const nodes = data.nodes.map((node) => ({
      data: {
        id: node.id,
        name: node.name,
        page: node.page || "",
        posts: node.posts || [],
        value: node.size || 0,
        ego: Boolean(node.ego),
        label: data.directed || node.ego || node.rank < NAMED ? node.name : "",
        colour: data.directed || node.community == null ? PALETTE[0] : PALETTE[node.community % PALETTE.length],
        diameter: (node.ego ? 30 : 14) + 36 * Math.sqrt(largest ? (node.size || 0) / largest : 0),
      },
    }));
    const edges = data.edges.map((edge, number) => ({
      data: {
        id: "tie-" + number,
        source: edge.source,
        target: edge.target,
        weight: edge.weight || 1,
        dates: edge.dates || (edge.date ? [edge.date] : []),
        served: Boolean(edge.bodies) && !edge.events,
        label: edge.title ? edge.title + " · " + (edge.date || "") : "",
        width: 1,
      },
    }));
    return nodes.concat(edges);
  }

  function styleOf(directed) {
    return [
      { selector: "node", style: {
        "background-color": "data(colour)", "width": "data(diameter)", "height": "data(diameter)",
        "label": "data(label)", "font-size": 11, "color": "#1d1d1f", "text-valign": "top",
        "text-margin-y": -3, "text-background-color": "#ffffff", "text-background-opacity": 0.75,
        "text-background-padding": 1, "border-width": 1, "border-color": "#ffffff" } },
      { selector: "node[?ego]", style: { "border-width": 4, "border-color": "#1d1d1f" } },
      { selector: "node.hovered", style: { "border-width": 3, "border-color": "#8b1a1a" } },
      { selector: "edge", style: {
        "width": "data(width)", "line-color": directed ? "#666666" : "#999999",
        "opacity": directed ? 0.9 : 0.55, "curve-style": directed ? "bezier" : "haystack" } },
      { selector: "edge[?served]", style: { "line-style": "dashed", "curve-style": "straight" } },
      { selector: "edge[label != '']", style: {
        "label": "data(label)", "font-size": 10, "text-rotation": "none", "color": "#333333",
        "text-background-color": "#ffffff", "text-background-opacity": 0.85,
        "target-arrow-shape": "triangle", "target-arrow-color": "#666666", "arrow-scale": 1.2 } },
      { selector: ".outside", style: { "display": "none" } },
    ];
  }

  function layoutOf(data) {
    if (data.directed) {
      return { name: "breadthfirst", directed: true, spacingFactor: 1.4, animate: false };
    }
    if (data.nodes.some((node) => node.ego)) {
      // The person at the centre, the most central around them.
      return { name: "concentric", animate: false, minNodeSpacing: 12,
        concentric: (node) => (node.data("ego") ? 2 : 1), levelWidth: () => 1 };
    }
    return { name: "cose", animate: false, randomize: true, nodeRepulsion: () => 400000,
      idealEdgeLength: () => 60, componentSpacing: 60 };
  }

  function tooltip(figure, box, node) {
    box.replaceChildren();
    const name = document.createElement("strong");
    name.textContent = node.data("name");
    box.append(name);
    const posts = node.data("posts");
    if (posts.length) {
      const list = document.createElement("ul");
      for (const post of posts.slice(0, POSTS_SHOWN)) {
        const item = document.createElement("li");
        item.textContent = post;
        list.append(item);
      }
      if (posts.length > POSTS_SHOWN) {
        const more = document.createElement("li");
        more.textContent = "…";
        list.append(more);
      }
      box.append(list);
    }
    if (figure.dataset.measure) {
      const measure = document.createElement("span");
      measure.className = "measure";
      const value = node.data("value");
      measure.textContent = figure.dataset.measure + ": " + (Number.isInteger(value) ? value : value.toFixed(3));
      box.append(measure);
    }
    const canvas = figure.querySelector(".drawing-canvas");
    const at = node.renderedPosition();
    box.style.left = canvas.offsetLeft + at.x + 14 + "px";
    box.style.top = canvas.offsetTop + at.y + 14 + "px";
    box.hidden = false;
  }

  // The year sliders: a tie is kept when one of its events falls in the years chosen (its
  // width then counts those), a person when one of their ties is kept (the ego always). With
  // every year chosen nothing is left out, undated ties and lone persons included.
  function yearsOf(figure, cy, report) {
    const dated = cy.edges().map((edge) => edge.data("dates")).flat().map(yearOf);
    const heaviest = Math.max(1, ...cy.edges().map((edge) => edge.data("weight")));
    const widen = (edge, count) => edge.data("width", 1 + 5 * count / heaviest);
    if (!dated.length || Math.min(...dated) === Math.max(...dated)) {
      cy.edges().forEach((edge) => widen(edge, edge.data("weight")));
      return;
    }
    const first = Math.min(...dated);
    const last = Math.max(...dated);
    const controls = figure.querySelector(".drawing-years");
    const from = controls.querySelector(".year-from");
    const to = controls.querySelector(".year-to");
    const shown = controls.querySelector(".years-shown");
    for (const slider of [from, to]) {
      slider.min = String(first);
      slider.max = String(last);
    }
    from.value = String(first);
    to.value = String(last);
    function apply(moved) {
      if (Number(from.value) > Number(to.value)) {
        (moved === from ? to : from).value = moved.value;
      }
      const low = Number(from.value);
      const high = Number(to.value);
      const every = low === first && high === last;
      shown.textContent = low === high ? String(low) : low + " – " + high;
      cy.batch(() => {
        cy.edges().forEach((edge) => {
          const count = every ? edge.data("weight")
            : edge.data("dates").filter((date) => yearOf(date) >= low && yearOf(date) <= high).length;
          widen(edge, count);
          edge.toggleClass("outside", count === 0);
        });
        cy.nodes().forEach((node) => {
          const kept = every || node.data("ego") || node.connectedEdges().some((edge) => !edge.hasClass("outside"));
          node.toggleClass("outside", !kept);
        });
      });
      report();
    }
    from.addEventListener("input", () => apply(from));
    to.addEventListener("input", () => apply(to));
    controls.hidden = false;
    apply(from);
  }

  async function draw(figure) {
    const status = figure.querySelector(".drawing-status");
    const canvas = figure.querySelector(".drawing-canvas");
    const box = figure.querySelector(".drawing-tooltip");
    figure.classList.add("drawing-live");
    figure.dataset.state = "loading";
    status.textContent = figure.dataset.loading;
    let data;
    try {
      const response = await fetch(figure.dataset.url, { headers: { "Accept": "application/json" } });
      if (!response.ok) { throw new Error(response.status + " " + response.statusText); }
      data = await response.json();
    } catch (problem) {
      figure.dataset.state = "failed";
      status.textContent = figure.dataset.failed + " (" + problem.message + ")";
      figure.classList.remove("drawing-live");
      return;
    }
    if (!data.nodes.length) {
      figure.classList.remove("drawing-live");
      figure.dataset.drawnPersons = "0";
      figure.dataset.drawnTies = "0";
      figure.dataset.state = "ready";
      status.textContent = figure.dataset.empty;
      return;
    }
    const cy = cytoscape({
      container: canvas,
      elements: elementsOf(data),
      style: styleOf(data.directed),
      layout: layoutOf(data),
      minZoom: 0.1,
      maxZoom: 5,
    });
    figure.polgraphDrawing = cy;
    function report() {
      const persons = cy.nodes().not(".outside").length;
      const ties = cy.edges().not(".outside").length;
      figure.dataset.drawnPersons = String(persons);
      figure.dataset.drawnTies = String(ties);
      status.textContent = figure.dataset.shown.replace("{persons}", persons).replace("{ties}", ties);
    }
    cy.on("mouseover", "node", (event) => {
      event.target.addClass("hovered");
      canvas.style.cursor = event.target.data("page") ? "pointer" : "";
      tooltip(figure, box, event.target);
    });
    cy.on("mouseout", "node", (event) => {
      event.target.removeClass("hovered");
      canvas.style.cursor = "";
      box.hidden = true;
    });
    cy.on("pan zoom", () => { box.hidden = true; });
    // Leaving the canvas straight from a node tells cytoscape nothing: the node is let go here.
    canvas.addEventListener("mouseleave", () => {
      cy.nodes(".hovered").removeClass("hovered");
      box.hidden = true;
    });
    cy.on("tap", "node", (event) => {
      const page = event.target.data("page");
      if (page) { window.location.assign(page); }
    });
    yearsOf(figure, cy, report);
    report();
    figure.dataset.state = "ready";
  }

  function drawAll() {
    if (typeof cytoscape !== "function") { return; } // not installed: the page shows no drawing
    document.querySelectorAll("figure.drawing[data-url]").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
