// negograph's page: plain JavaScript, no library, everything through the server's SPARQL endpoint
// and its small JSON API (/api/queries, /api/named/NAME, /api/network, /api/config).
"use strict";

const NEG = "https://w3id.org/negograph/ontology#";
const PREFIXES = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX neg: <${NEG}>
`;
const TYPE_COLOURS = { State: "#3a6fc4", Organization: "#8e4fb5", Person: "#e08a2c", Group: "#7f8c8d" };
const ROLE_COLOURS = { Mediator: "#f2c200", Party: "#222222", Host: "#17a2a2", Guarantor: "#b5651d", Observer: "#b0b0b0" };
const ROLE_ORDER = ["Mediator", "Host", "Guarantor", "Party", "Observer"];

const state = { config: { prefixes: {} }, queries: [], network: null, stances: null, loaded: {} };

const $ = (sel, root = document) => root.querySelector(sel);
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

// ---- the server -------------------------------------------------------------------------------

async function sparql(query) {
  const r = await fetch("sparql", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
    body: new URLSearchParams({ query: PREFIXES + query }),
  });
  if (!r.ok) throw new Error(`${r.status}: ${await r.text()}`);
  return (await r.json()).results.bindings;
}
const val = (b, k) => (b[k] ? b[k].value : "");
const local = (iri) => iri.replace(/^.*[#/]/, "");
function safeIri(iri) {
  if (!/^[^<>"{}|^`\\\s]+$/.test(iri)) throw new Error(`not an IRI: ${iri}`);
  return `<${iri}>`;
}
function short(iri) {
  let best = null;
  for (const [p, ns] of Object.entries(state.config.prefixes || {})) {
    if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [p, ns];
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : iri;
}
const isActor = (iri) => iri.startsWith("https://w3id.org/negograph/id/actor/");
const isDoc = (iri) => iri.startsWith("https://w3id.org/negograph/id/doc/");

function actorLink(iri, label) {
  return el("a", { class: "actor", href: "#", "data-actor": iri, onclick: (ev) => { ev.preventDefault(); showActor(iri); } }, label || short(iri));
}
function docLink(iri, label) {
  return el("a", { class: "actor", href: "#", "data-doc": iri, onclick: (ev) => { ev.preventDefault(); openDocument(iri); } }, label || short(iri));
}

// ---- tabs -------------------------------------------------------------------------------------

function showTab(name) {
  for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("active", b.dataset.tab === name);
  for (const v of document.querySelectorAll(".view")) v.classList.toggle("active", v.id === `tab-${name}`);
  const load = { network: loadNetwork, matrix: loadMatrix, documents: loadDocuments }[name];
  if (load && !state.loaded[name]) {
    state.loaded[name] = true;
    load().catch((e) => { state.loaded[name] = false; reportError(name, e); });
  }
}
function reportError(where, e) {
  console.error(where, e);
  const target = { network: "#network-status", matrix: "#date-label", documents: "#doc-view", query: "#result-status" }[where];
  if (target) { $(target).textContent = String(e.message || e); $(target).classList.add("error"); }
}

// ---- query ------------------------------------------------------------------------------------

function selectQuery(name) {
  const q = state.queries.find((x) => x.name === name);
  const params = $("#query-params");
  params.replaceChildren();
  $("#query-description").textContent = q ? q.description : "";
  if (!q) return;
  $("#query-text").value = q.text;
  for (const p of q.params) {
    params.append(el("label", {}, `?${p}`, el("input", { name: p, "data-param": p, placeholder: "any (e.g. hamas, ceasefire, <IRI>)" })));
  }
}

async function runQuery() {
  const status = $("#result-status");
  status.classList.remove("error");
  status.textContent = "running…";
  const name = $("#query-select").value;
  const q = state.queries.find((x) => x.name === name);
  const text = $("#query-text").value;
  const started = performance.now();
  let r;
  const accept = "application/sparql-results+json, text/turtle;q=0.9";
  try {
    if (q && text === q.text) {
      // a named query: parameters bound by the server as values, never pasted into the text
      const params = new URLSearchParams();
      for (const input of document.querySelectorAll("#query-params input")) {
        if (input.value.trim()) params.set(input.dataset.param, input.value.trim());
      }
      r = await fetch(`api/named/${encodeURIComponent(name)}?${params}`, { headers: { Accept: accept } });
    } else {
      r = await fetch("sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
        body: new URLSearchParams({ query: text }),
      });
    }
    if (!r.ok) throw new Error(`${r.status} ${r.statusText}: ${await r.text()}`);
    const type = r.headers.get("Content-Type") || "";
    const ms = Math.round(performance.now() - started);
    const truncated = r.headers.get("Negograph-Truncated") === "true";
    const note = truncated ? ` (cut at the server's limit of ${r.headers.get("Negograph-Row-Limit")} rows)` : "";
    if (type.includes("json")) {
      const json = await r.json();
      if ("boolean" in json) {
        showText(String(json.boolean));
        status.textContent = `ASK: ${json.boolean} in ${ms} ms`;
      } else {
        showTable(json.head.vars, json.results.bindings);
        status.textContent = `${json.results.bindings.length} rows in ${ms} ms${note}`;
      }
    } else {
      const body = await r.text();
      showText(body);
      status.textContent = `graph result in ${ms} ms${note}`;
    }
    if (truncated) status.classList.add("error");
  } catch (e) {
    status.textContent = String(e.message || e);
    status.classList.add("error");
  }
}

function showText(text) {
  $("#results").hidden = true;
  const pre = $("#results-text");
  pre.hidden = false;
  pre.textContent = text;
}

function cell(term) {
  if (!term) return "";
  if (term.type === "uri") {
    if (isActor(term.value)) return actorLink(term.value);
    if (isDoc(term.value)) return docLink(term.value);
    return el("span", { title: term.value }, short(term.value));
  }
  return term.value;
}

function showTable(vars, rows) {
  $("#results-text").hidden = true;
  const table = $("#results");
  table.hidden = false;
  $("thead", table).replaceChildren(el("tr", {}, vars.map((v) => el("th", {}, v))));
  $("tbody", table).replaceChildren(...rows.map((b) => el("tr", {}, vars.map((v) => el("td", {}, cell(b[v]))))));
}

// ---- network ----------------------------------------------------------------------------------

function layout(nodes, edges, width, height) {
  // Fruchterman–Reingold from a fixed start (a sunflower spiral in the nodes' order), so the same
  // store is always drawn the same way.
  const n = nodes.length;
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const golden = Math.PI * (3 - Math.sqrt(5));
  nodes.forEach((d, i) => {
    const r = Math.sqrt((i + 0.5) / n) * Math.min(width, height) * 0.45;
    d.x = width / 2 + r * Math.cos(i * golden);
    d.y = height / 2 + r * Math.sin(i * golden);
  });
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.9;
  let t = width / 10;
  const gravity = 0.004 * n;
  const reach = (3 * k) * (3 * k);
  const iterations = 300;
  for (let it = 0; it < iterations; it++) {
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
        let d2 = ex * ex + ey * ey;
        if (d2 < 0.01) { ex = 0.1 * ((i % 7) - 3); ey = 0.1 * ((j % 5) - 2); d2 = 0.01; }
        // far actors do not push each other, so small groups stay on the page
        if (d2 > reach) continue;
        const f = (k * k) / d2;
        dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
      }
    }
    for (const [a, b] of links) {
      const ex = nodes[a].x - nodes[b].x, ey = nodes[a].y - nodes[b].y;
      const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
      const f = d / k;
      dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
    }
    for (let i = 0; i < n; i++) {
      // a pull toward the centre keeps unconnected actors on the page
      dx[i] += (width / 2 - nodes[i].x) * gravity;
      dy[i] += (height / 2 - nodes[i].y) * gravity;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const step = Math.min(d, t);
      nodes[i].x = Math.min(width - 20, Math.max(20, nodes[i].x + (dx[i] / d) * step));
      nodes[i].y = Math.min(height - 20, Math.max(20, nodes[i].y + (dy[i] / d) * step));
    }
    t *= 0.985;
  }
}

function mainRole(roles) {
  const list = (roles || "").split(", ").filter(Boolean);
  return ROLE_ORDER.find((r) => list.includes(r)) || "";
}

async function loadNetwork() {
  $("#network-status").textContent = "loading…";
  const r = await fetch("api/network");
  if (!r.ok) throw new Error(`${r.status}: ${await r.text()}`);
  state.network = await r.json();
  drawLegend();
  drawNetwork();
}

function drawLegend() {
  const legend = $("#legend");
  legend.replaceChildren();
  for (const [t, c] of Object.entries(TYPE_COLOURS)) {
    const s = svg("svg", { width: 14, height: 14 });
    s.append(svg("circle", { cx: 7, cy: 7, r: 6, fill: c }));
    legend.append(el("span", {}, s, ` ${t}`));
  }
  for (const [role, c] of Object.entries(ROLE_COLOURS)) {
    const s = svg("svg", { width: 14, height: 14 });
    s.append(svg("circle", { cx: 7, cy: 7, r: 5, fill: "#fff", stroke: c, "stroke-width": 3 }));
    legend.append(el("span", {}, s, ` ${role}`));
  }
  for (const [label, c, dash] of [["supports", "#2e8b3e", ""], ["opposes", "#c8322b", ""], ["post", "#6d8fb3", "4 3"], ["same negotiation", "#c9c9cf", ""]]) {
    const s = svg("svg", { width: 26, height: 10 });
    s.append(svg("line", { x1: 1, y1: 5, x2: 25, y2: 5, stroke: c, "stroke-width": 3, "stroke-dasharray": dash }));
    legend.append(el("span", {}, s, ` ${label}`));
  }
}

function drawNetwork() {
  const net = state.network;
  const showNegotiation = $("#show-negotiation").checked;
  const showPost = $("#show-post").checked;
  const width = 1100, height = 720;
  const nodes = net.nodes.map((d) => ({ ...d }));
  const edges = net.edges.filter((e) => e.kind === "stance" || (e.kind === "post" && showPost) || (e.kind === "negotiation" && showNegotiation));
  // the layout always uses every tie, so toggling what is drawn does not move the actors
  layout(nodes, net.edges, width, height);
  const byId = new Map(nodes.map((d) => [d.id, d]));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "actor network" });
  const defs = svg("defs");
  for (const [name, colour] of [["Support", "#2e8b3e"], ["Oppose", "#c8322b"], ["Neutral", "#8a8a8a"]]) {
    const m = svg("marker", { id: `arrow-${name}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse" });
    m.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour }));
    defs.append(m);
  }
  root.append(defs);
  const radius = (d) => 5 + Math.min(12, Math.sqrt(d.documents || 0) * 2.5);
  const edgeLayer = svg("g", { class: "edges" });
  for (const e of edges) {
    const a = byId.get(e.source), b = byId.get(e.target);
    if (!a || !b) continue;
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    const rb = radius(b) + 2;
    const colour = e.kind === "stance" ? { Support: "#2e8b3e", Oppose: "#c8322b" }[e.polarity] || "#8a8a8a" : e.kind === "post" ? "#6d8fb3" : "#c9c9cf";
    const width = e.kind === "stance" ? 1.2 + Math.min(6, e.evidence * 1.2) : 1.2;
    const line = svg("line", {
      class: `edge ${e.kind}${e.polarity ? " " + e.polarity : ""}`,
      x1: a.x, y1: a.y, x2: b.x - (dx / d) * rb, y2: b.y - (dy / d) * rb,
      stroke: colour, "stroke-width": width, "stroke-opacity": e.kind === "negotiation" ? 0.6 : 0.85,
    });
    if (e.kind === "post") line.setAttribute("stroke-dasharray", "4 3");
    if (e.kind === "stance") line.setAttribute("marker-end", `url(#arrow-${e.polarity || "Neutral"})`);
    const title = svg("title");
    title.textContent = `${a.label} → ${b.label}: ${e.kind} ${e.label}${e.kind === "stance" ? ` (${e.evidence} sentences)` : ""}`;
    line.append(title);
    edgeLayer.append(line);
  }
  root.append(edgeLayer);
  const nodeLayer = svg("g", { class: "nodes" });
  const labelled = new Set([...nodes].sort((p, q) => (q.documents + q.stances) - (p.documents + p.stances)).slice(0, 40).map((d) => d.id));
  for (const d of nodes) {
    const type = (d.type || "").split(", ")[0];
    const role = mainRole(d.roles);
    const c = svg("circle", {
      class: "node", cx: d.x, cy: d.y, r: radius(d), "data-actor": d.id, "data-type": type, "data-role": role,
      fill: TYPE_COLOURS[type] || "#999", stroke: ROLE_COLOURS[role] || "#ffffff", "stroke-width": role ? 3 : 1.5,
    });
    const title = svg("title");
    title.textContent = `${d.label} (${d.type}${d.roles ? "; " + d.roles : ""}): ${d.stances} stances, ${d.documents} documents`;
    c.append(title);
    c.addEventListener("click", () => {
      for (const s of root.querySelectorAll(".node.selected")) s.classList.remove("selected");
      c.classList.add("selected");
      showActor(d.id);
    });
    nodeLayer.append(c);
    if (labelled.has(d.id)) {
      const t = svg("text", { x: d.x + radius(d) + 2, y: d.y + 3 });
      t.textContent = d.label;
      nodeLayer.append(t);
    }
  }
  root.append(nodeLayer);
  $("#network").replaceChildren(root);
  const stanceEdges = edges.filter((e) => e.kind === "stance").length;
  $("#network-status").textContent = `${nodes.length} actors, ${stanceEdges} stance edges between actors; click an actor for its posts, roles, stances and quotes`;
}

// ---- stance matrix ----------------------------------------------------------------------------

async function loadMatrix() {
  $("#date-label").textContent = "loading…";
  const rows = await sparql(`SELECT DISTINCT ?stance ?holder ?holderLabel ?issue ?issueLabel ?polarity ?date ?doc ?negotiation ?negotiationLabel ?sentence
WHERE {
  GRAPH ?doc { ?stance a neg:Stance ; neg:holder ?holder ; neg:target ?issue ; neg:polarity ?polarity }
  ?issue a neg:Issue .
  OPTIONAL { ?issue skos:prefLabel ?issueLabel FILTER(LANG(?issueLabel) = "" || LANGMATCHES(LANG(?issueLabel), "en")) }
  OPTIONAL { ?holder rdfs:label ?holderLabel }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?stance neg:evidence/neg:text ?sentence }
  OPTIONAL { SELECT DISTINCT ?doc ?negotiation WHERE { GRAPH ?doc { ?taking neg:negotiation ?negotiation } } }
  OPTIONAL { ?negotiation rdfs:label ?negotiationLabel }
}`);
  const stances = new Map();
  const negotiations = new Map();
  for (const b of rows) {
    const id = val(b, "stance");
    if (!stances.has(id)) {
      stances.set(id, {
        id, holder: val(b, "holder"), holderLabel: val(b, "holderLabel") || local(val(b, "holder")),
        issue: val(b, "issue"), issueLabel: val(b, "issueLabel") || local(val(b, "issue")),
        polarity: local(val(b, "polarity")), date: val(b, "date"), doc: val(b, "doc"),
        sentence: val(b, "sentence"), negotiations: new Set(),
      });
    }
    if (b.negotiation) {
      stances.get(id).negotiations.add(val(b, "negotiation"));
      negotiations.set(val(b, "negotiation"), val(b, "negotiationLabel") || local(val(b, "negotiation")));
    }
  }
  state.stances = [...stances.values()];
  const select = $("#negotiation-select");
  for (const [iri, label] of [...negotiations].sort((a, b) => a[1].localeCompare(b[1]))) {
    select.append(el("option", { value: iri }, label));
  }
  setupDates();
  drawMatrix();
}

function matrixStances() {
  const negotiation = $("#negotiation-select").value;
  return state.stances.filter((s) => !negotiation || s.negotiations.has(negotiation));
}

function setupDates() {
  const dates = [...new Set(matrixStances().map((s) => s.date || "undated"))].sort();
  state.dates = dates;
  const slider = $("#date-slider");
  slider.max = Math.max(0, dates.length - 1);
  slider.value = slider.max;
  const timeline = $("#timeline");
  timeline.replaceChildren();
  const counts = new Map();
  for (const s of matrixStances()) counts.set(s.date || "undated", (counts.get(s.date || "undated") || 0) + 1);
  const most = Math.max(1, ...counts.values());
  dates.forEach((d, i) => {
    const left = dates.length > 1 ? (i / (dates.length - 1)) * 100 : 50;
    timeline.append(el("span", { style: `left:calc(${left}% - 1px);height:${4 + (18 * counts.get(d)) / most}px`, title: `${d}: ${counts.get(d)} stances` }));
  });
}

function drawMatrix() {
  const upTo = state.dates[Number($("#date-slider").value)] || "";
  $("#date-label").classList.remove("error");
  $("#date-label").textContent = upTo ? `stances read in articles up to ${upTo}` : "no stances";
  const stances = matrixStances().filter((s) => (s.date || "undated") <= upTo);
  const holders = new Map(), issues = new Map(), cells = new Map();
  for (const s of stances) {
    holders.set(s.holder, s.holderLabel);
    issues.set(s.issue, s.issueLabel);
    const key = `${s.holder} ${s.issue}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(s);
  }
  const holderList = [...holders].sort((a, b) => a[1].localeCompare(b[1]));
  const issueList = [...issues].sort((a, b) => a[1].localeCompare(b[1]));
  const table = $("#matrix");
  const head = el("thead", {}, el("tr", {}, el("th", {}, ""), issueList.map(([, label]) => el("th", {}, label))));
  const body = el("tbody");
  for (const [holder, label] of holderList) {
    const tr = el("tr", {}, el("th", {}, actorLink(holder, label)));
    for (const [issue] of issueList) {
      const list = cells.get(`${holder} ${issue}`) || [];
      const td = el("td");
      if (list.length) {
        const pols = new Set(list.map((s) => s.polarity));
        const kind = pols.size > 1 ? "mixed" : { Support: "support", Oppose: "oppose" }[list[0].polarity] || "neutral";
        td.className = kind;
        td.textContent = list.length > 1 ? list.length : "";
        td.title = list.map((s) => `${s.date || "undated"} ${s.polarity}: ${s.sentence}`).join("\n\n");
        td.dataset.polarity = kind;
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.replaceChildren(head, body);
}

// ---- documents --------------------------------------------------------------------------------

async function loadDocuments() {
  const rows = await sparql(`SELECT ?doc ?date ?creator ?first (COUNT(DISTINCT ?s) AS ?sentences) WHERE {
  ?doc a neg:Document .
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:creator ?creator }
  OPTIONAL { GRAPH ?doc { ?s neg:text ?sText } }
  OPTIONAL { { SELECT ?doc (MIN(?t) AS ?first) WHERE { GRAPH ?doc { ?x neg:text ?t } } GROUP BY ?doc } }
} GROUP BY ?doc ?date ?creator ?first ORDER BY DESC(?date) ?doc`);
  const list = $("#doc-list");
  const seen = new Set();
  list.replaceChildren();
  for (const b of rows) {
    const doc = val(b, "doc");
    if (seen.has(doc)) continue;
    seen.add(doc);
    list.append(el("li", { "data-doc": doc, onclick: () => openDocument(doc) },
      el("strong", {}, val(b, "date") || "undated"), ` ${short(doc)}`,
      el("small", {}, [val(b, "creator"), `${val(b, "sentences")} sentences with facts`].filter(Boolean).join(" · "))));
  }
}

async function openDocument(doc) {
  showTab("documents");
  if (!$("#doc-list li")) await loadDocuments();
  for (const li of document.querySelectorAll("#doc-list li")) li.classList.toggle("active", li.dataset.doc === doc);
  const view = $("#doc-view");
  view.replaceChildren(el("p", { class: "hint" }, "loading…"));
  const d = safeIri(doc);
  const [sentences, facts, cues, meta] = await Promise.all([
    sparql(`SELECT DISTINCT ?s ?start ?end ?text WHERE { GRAPH ${d} { ?s neg:text ?text . OPTIONAL { ?s neg:start ?start } OPTIONAL { ?s neg:end ?statedEnd } } BIND(COALESCE(?statedEnd, ?start + STRLEN(?text)) AS ?end) } ORDER BY ?start`),
    fetch(`api/named/document-evidence?doc=${encodeURIComponent(doc)}`, { headers: { Accept: "application/sparql-results+json" } }).then((r) => r.json()),
    sparql(`SELECT DISTINCT ?claim ?cue ?s WHERE { GRAPH ${d} { ?claim neg:cue ?cue ; neg:evidence ?s } }`),
    sparql(`SELECT ?p ?o WHERE { ${d} ?p ?o }`),
  ]);
  const cuesBySentence = new Map();
  for (const b of cues) {
    const s = val(b, "s");
    if (!cuesBySentence.has(s)) cuesBySentence.set(s, new Set());
    cuesBySentence.get(s).add(val(b, "cue"));
  }
  const kindsByStart = new Map();
  for (const b of facts.results.bindings) {
    const start = val(b, "start");
    if (!start) continue;
    if (!kindsByStart.has(start)) kindsByStart.set(start, new Set());
    kindsByStart.get(start).add(val(b, "kind"));
  }
  const info = meta.filter((b) => !val(b, "p").endsWith("#type") && !val(b, "p").endsWith("identifier")).map((b) => `${local(val(b, "p"))}: ${val(b, "o")}`);
  const text = el("div", { id: "doc-text" });
  let lastEnd = null;
  const byStart = new Map();
  for (const b of sentences) {
    const start = Number(val(b, "start")), end = Number(val(b, "end"));
    if (lastEnd === null ? start > 0 : start > lastEnd + 2) text.append(el("span", { class: "gap", title: "text with no fact, not kept in the graph" }, " […] "));
    const kinds = [...(kindsByStart.get(String(start)) || [])];
    const span = el("span", { class: `sentence evidence ${kinds.map((k) => "k-" + k).join(" ")}`, id: `s-${start}`, "data-sentence": val(b, "s"), title: `bytes ${start}–${end}: evidence of ${kinds.join(", ") || "a fact"}` });
    appendMarked(span, val(b, "text"), cuesBySentence.get(val(b, "s")));
    span.addEventListener("click", () => flashFacts(start));
    text.append(span, " ");
    byStart.set(start, span);
    lastEnd = end;
  }
  const factList = el("ul", { id: "doc-facts" });
  const mentions = [];
  for (const b of facts.results.bindings) {
    const kind = val(b, "kind");
    if (kind === "Mention") { mentions.push(val(b, "claim")); continue; }
    const start = val(b, "start");
    factList.append(el("li", { "data-start": start },
      el("span", { class: "kind" }, kind),
      start ? el("a", { href: `#s-${start}`, class: "fact-link", onclick: (ev) => { ev.preventDefault(); flashSentence(start); } }, val(b, "summary") || short(val(b, "claim"))) : val(b, "summary"),
      el("span", { class: "src" }, ` · ${val(b, "rule")}`)));
  }
  view.replaceChildren(
    el("h2", {}, short(doc)),
    el("p", { class: "hint" }, info.join(" · ")),
    el("p", { class: "hint" }, el("span", { class: "sentence evidence k-Stance" }, "evidence of a stance"), " ",
      el("span", { class: "sentence evidence" }, "evidence of other facts"), " ", el("mark", {}, "cue"),
      " · […] text without facts, which the graph does not keep · click a sentence for its facts"),
    text,
    el("h3", {}, "Facts, each linked to its sentence"),
    factList,
    el("h3", {}, "Actors mentioned"),
    el("p", {}, mentions.sort().flatMap((a, i) => [i ? ", " : "", actorLink(a, local(a))])),
  );
}

function appendMarked(parent, text, cues) {
  const words = [...(cues || [])].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!words.length) { parent.append(text); return; }
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(${escaped.join("|")})`, "gi");
  let last = 0;
  for (const m of text.matchAll(re)) {
    parent.append(text.slice(last, m.index), el("mark", { title: "cue" }, m[0]));
    last = m.index + m[0].length;
  }
  parent.append(text.slice(last));
}

function flashSentence(start) {
  for (const s of document.querySelectorAll(".sentence.flash")) s.classList.remove("flash");
  const s = document.getElementById(`s-${start}`);
  if (s) { s.classList.add("flash"); s.scrollIntoView({ block: "center", behavior: "smooth" }); }
}
function flashFacts(start) {
  flashSentence(start);
  for (const li of document.querySelectorAll("#doc-facts li")) li.style.background = li.dataset.start === String(start) ? "#fff2b3" : "";
}

// ---- one actor --------------------------------------------------------------------------------

async function showActor(iri) {
  const panel = $("#actor-panel");
  panel.hidden = false;
  const body = $("#actor-body");
  body.replaceChildren(el("p", { class: "hint" }, "loading…"));
  const a = safeIri(iri);
  const [about, roles, posts, members, stances, quotes] = await Promise.all([
    sparql(`SELECT ?label ?class (GROUP_CONCAT(DISTINCT ?alt; separator=", ") AS ?alts) WHERE { ${a} rdfs:label ?label . OPTIONAL { ${a} a ?class FILTER(?class IN (neg:State, neg:Organization, neg:Person, neg:Group)) } OPTIONAL { ${a} skos:altLabel ?alt } } GROUP BY ?label ?class`),
    sparql(`SELECT DISTINCT ?role ?negotiation ?negotiationLabel ?doc ?sentence WHERE { GRAPH ?doc { ?p a neg:Participation ; neg:actor ${a} ; neg:role ?role ; neg:negotiation ?negotiation } OPTIONAL { ?negotiation rdfs:label ?negotiationLabel } OPTIONAL { ?p neg:evidence/neg:text ?sentence } } ORDER BY ?negotiationLabel ?role`),
    sparql(`SELECT DISTINCT ?title ?org ?orgLabel ?doc ?sentence WHERE { GRAPH ?doc { ?p a neg:Position ; neg:holder ${a} ; neg:title ?title ; neg:organization ?org } OPTIONAL { ?org rdfs:label ?orgLabel } OPTIONAL { ?p neg:evidence/neg:text ?sentence } } ORDER BY ?title`),
    sparql(`SELECT DISTINCT ?person ?personLabel ?title WHERE { ?p a neg:Position ; neg:organization ${a} ; neg:title ?title ; neg:holder ?person . OPTIONAL { ?person rdfs:label ?personLabel } } ORDER BY ?personLabel`),
    sparql(`SELECT DISTINCT ?stance ?polarity ?target ?targetLabel ?date ?doc ?sentence WHERE { GRAPH ?doc { ?stance a neg:Stance ; neg:holder ${a} ; neg:polarity ?polarity ; neg:target ?target } OPTIONAL { ?target rdfs:label ?tl } OPTIONAL { ?target skos:prefLabel ?tp FILTER(LANG(?tp) = "" || LANGMATCHES(LANG(?tp), "en")) } BIND(COALESCE(?tl, ?tp) AS ?targetLabel) OPTIONAL { ?doc dcterms:date ?date } OPTIONAL { ?stance neg:evidence/neg:text ?sentence } } ORDER BY ?date ?stance`),
    sparql(`SELECT DISTINCT ?quote ?doc ?sentence WHERE { GRAPH ?doc { ?s a neg:Statement ; neg:speaker ${a} } OPTIONAL { ?s neg:quote ?quote } OPTIONAL { ?s neg:evidence/neg:text ?sentence } }`),
  ]);
  const label = about.length ? val(about[0], "label") : local(iri);
  const classes = [...new Set(about.map((b) => local(val(b, "class"))).filter(Boolean))].join(", ");
  const alts = about.length ? val(about[0], "alts") : "";
  const src = (b) => el("div", { class: "src" }, b.sentence ? `“${val(b, "sentence")}” ` : "", docLink(val(b, "doc")));
  const section = (title, items, empty) => [el("h3", {}, `${title} (${items.length})`), items.length ? el("ul", { "data-section": title }, items) : el("p", { class: "hint" }, empty)];
  const dedupe = (rows, key) => { const seen = new Set(); return rows.filter((b) => { const k = key(b); if (seen.has(k)) return false; seen.add(k); return true; }); };
  body.replaceChildren(
    el("h2", { id: "actor-name" }, label),
    el("div", { class: "src" }, `${classes}${alts ? " · also " + alts : ""} · ${short(iri)}`),
    ...section("Roles", dedupe(roles, (b) => val(b, "role") + val(b, "negotiation") + val(b, "doc")).map((b) =>
      el("li", {}, el("strong", {}, local(val(b, "role"))), ` in ${val(b, "negotiationLabel") || local(val(b, "negotiation"))}`, src(b))), "no role found"),
    ...section("Posts", dedupe(posts, (b) => val(b, "title") + val(b, "org") + val(b, "doc")).map((b) =>
      el("li", {}, el("strong", {}, val(b, "title")), " of ", actorLink(val(b, "org"), val(b, "orgLabel")), src(b))), "no post found"),
    ...(members.length ? section("People holding its posts", members.map((b) => el("li", {}, actorLink(val(b, "person"), val(b, "personLabel")), `, ${val(b, "title")}`)), "") : []),
    ...section("Stances", stances.map((b) => {
      const pol = local(val(b, "polarity"));
      const target = val(b, "target");
      return el("li", { "data-polarity": pol }, el("span", { class: `pol-${pol}` }, pol === "Support" ? "supports " : pol === "Oppose" ? "opposes " : "neutral on "),
        isActor(target) ? actorLink(target, val(b, "targetLabel")) : (val(b, "targetLabel") || local(target)),
        val(b, "date") ? ` (${val(b, "date")})` : "", src(b));
    }), "no stance found"),
    ...section("Quotes", quotes.map((b) => el("li", {}, val(b, "quote") ? el("span", { class: "quote" }, `“${val(b, "quote")}”`) : "", src({ ...b, sentence: b.quote ? null : b.sentence }))), "no statement found"),
  );
}

// ---- start ------------------------------------------------------------------------------------

async function start() {
  for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));
  $("#run").addEventListener("click", runQuery);
  $("#query-text").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) runQuery(); });
  $("#query-select").addEventListener("change", (ev) => selectQuery(ev.target.value));
  $("#actor-close").addEventListener("click", () => { $("#actor-panel").hidden = true; });
  $("#show-negotiation").addEventListener("change", drawNetwork);
  $("#show-post").addEventListener("change", drawNetwork);
  $("#negotiation-select").addEventListener("change", () => { setupDates(); drawMatrix(); });
  $("#date-slider").addEventListener("input", drawMatrix);
  try {
    const [config, queries] = await Promise.all([fetch("api/config").then((r) => r.json()), fetch("api/queries").then((r) => r.json())]);
    state.config = config;
    state.queries = queries;
    $("#server-info").textContent = `${config.readOnly ? "read-only" : "updates allowed"} · timeout ${config.timeoutSeconds} s · ${config.queryMemoryMiB} MiB per query · at most ${config.maxRows} rows · SPARQL endpoint /sparql`;
    for (const q of queries) $("#query-select").append(el("option", { value: q.name }, `${q.title} (${q.name})`));
    document.body.dataset.ready = "true";
  } catch (e) {
    reportError("query", e);
  }
}
start();
