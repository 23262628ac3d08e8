// The page of `negograph serve` in headless Chromium (run through tests/browser/run.sh, which
// starts the server on a store of the fixture articles and sets NEGOGRAPH_URL).
//
// Checks: the named queries are listed; a named query with a parameter fills the results table
// with as many rows as the SPARQL endpoint returns; the network draws one node per actor (as
// SPARQL counts them) with green and red stance edges; clicking an actor shows its roles, posts
// and stances; the stance matrix has support and opposition cells and the date slider takes
// stances away; a document shows its evidence sentences, each fact linked to one. Then a
// screenshot. The page must log no error.
import { chromium } from "playwright-core";

const url = process.env.NEGOGRAPH_URL;
const screenshot = process.env.NEGOGRAPH_SCREENSHOT;
const executablePath = process.env.NEGOGRAPH_CHROMIUM || "/usr/bin/chromium";
if (!url) throw new Error("NEGOGRAPH_URL is not set: run tests/browser/run.sh");

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok   ${name}${detail ? ` (${detail})` : ""}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? ` (${detail})` : ""}`);
  }
}

async function sparqlCount(query) {
  const r = await fetch(new URL("sparql", url), {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
    body: query,
  });
  const json = await r.json();
  return Number(json.results.bindings[0].n.value);
}

const started = Date.now();
const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));

  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  const options = await page.locator("#query-select option").count();
  const named = await (await fetch(new URL("api/queries", url))).json();
  check("the named queries are listed", options === named.length + 1, `${options - 1} of ${named.length}`);

  // a named query with a parameter bound by the server
  await page.selectOption("#query-select", "people-and-posts");
  await page.fill('#query-params input[data-param="organization"]', "qatar");
  await page.click("#run");
  await page.waitForFunction(() => /rows in/.test(document.querySelector("#result-status").textContent), null, { timeout: 15000 });
  const rows = await page.locator("#results tbody tr").count();
  const expected = (await (await fetch(new URL("api/named/people-and-posts?organization=qatar", url))).json()).results.bindings.length;
  check("the named query fills the table", rows > 0 && rows === expected, `${rows} rows, the endpoint returns ${expected}`);
  const header = await page.locator("#results thead th").allTextContents();
  check("the table has the query's columns", header.join(",") === "person,name,title,organization,organizationLabel,documents", header.join(","));
  const table = await page.locator("#results tbody").textContent();
  check("the table names Qatar's people", table.includes("Majed al-Ansari"));

  // the actor network
  await page.click('#tabs button[data-tab="network"]');
  await page.waitForSelector("#network circle.node", { timeout: 30000 });
  const nodes = await page.locator("#network circle.node").count();
  const actors = await sparqlCount(`PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX neg: <https://w3id.org/negograph/ontology#>
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a neg:Actor ; rdfs:label ?l ; a ?c FILTER(?c IN (neg:State, neg:Organization, neg:Person, neg:Group)) }`);
  check("one node is drawn per actor", nodes === actors && nodes > 0, `${nodes} nodes, SPARQL counts ${actors} actors`);
  const support = await page.locator("#network line.edge.stance.Support").count();
  const oppose = await page.locator("#network line.edge.stance.Oppose").count();
  check("stance edges are drawn green and red", support > 0 && oppose > 0, `${support} support, ${oppose} opposition`);
  const green = await page.locator("#network line.edge.stance.Support").first().getAttribute("stroke");
  check("support is green", green === "#2e8b3e", green);
  const mediators = await page.locator('#network circle.node[data-role="Mediator"]').count();
  check("mediators are marked by role", mediators > 0, `${mediators} mediators`);

  // one actor: Qatar
  await page.locator('#network circle.node[data-actor="https://w3id.org/negograph/id/actor/qatar"]').dispatchEvent("click");
  await page.waitForFunction(() => document.querySelector("#actor-name")?.textContent === "Qatar", null, { timeout: 15000 });
  const panel = await page.locator("#actor-body").textContent();
  check("the actor panel shows roles", /Roles \([1-9]/.test(panel) && panel.includes("Mediator"));
  const held = await sparqlCount(`PREFIX neg: <https://w3id.org/negograph/ontology#>
SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a neg:Stance ; neg:holder <https://w3id.org/negograph/id/actor/qatar> }`);
  check("the actor panel shows its stances", panel.includes(`Stances (${held})`), `${held} stances`);
  check("the actor panel shows the people of its posts", panel.includes("Majed al-Ansari"));
  await page.screenshot({ path: screenshot, fullPage: false });
  check("a screenshot is saved", true, screenshot);

  // the stance matrix
  await page.click('#tabs button[data-tab="matrix"]');
  await page.waitForSelector("#matrix tbody tr", { timeout: 15000 });
  const filled = await page.locator("#matrix td[data-polarity]").count();
  const supportCells = await page.locator("#matrix td.support").count();
  const opposeCells = await page.locator("#matrix td.oppose").count();
  check("the matrix has support and opposition cells", supportCells > 0 && opposeCells > 0, `${filled} cells: ${supportCells} support, ${opposeCells} oppose`);
  await page.locator("#date-slider").evaluate((s) => { s.value = 0; s.dispatchEvent(new Event("input")); });
  const early = await page.locator("#matrix td[data-polarity]").count();
  check("the date slider takes later stances away", early < filled, `${early} cells at the first date`);
  const negotiations = await page.locator("#negotiation-select option").count();
  check("negotiations can be chosen", negotiations > 2, `${negotiations - 1} negotiations`);

  // a document with its evidence
  await page.click('#tabs button[data-tab="documents"]');
  await page.waitForSelector("#doc-list li", { timeout: 15000 });
  await page.locator("#doc-list li").first().click();
  await page.waitForSelector("#doc-facts li", { timeout: 15000 });
  const sentences = await page.locator("#doc-text .sentence.evidence").count();
  const links = await page.locator("#doc-facts a.fact-link").count();
  check("the document shows its evidence sentences", sentences > 0, `${sentences} sentences`);
  const targets = await page.locator("#doc-facts a.fact-link").evaluateAll((as) => as.every((a) => document.getElementById(a.getAttribute("href").slice(1))));
  check("every fact links to its sentence", links > 0 && targets, `${links} facts`);
  await page.locator("#doc-facts a.fact-link").first().click();
  check("a fact's sentence is highlighted when clicked", (await page.locator("#doc-text .sentence.flash").count()) === 1);
  const marks = await page.locator("#doc-text mark").count();
  check("cues are marked in the sentences", marks > 0, `${marks} cues`);

  check("the page logged no error", errors.length === 0, errors.join("; "));
} finally {
  await browser.close();
}
console.log(`browser test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
