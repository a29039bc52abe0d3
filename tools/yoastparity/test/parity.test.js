"use strict";
// Runs Yoast's own analysis (through parity.js) on two small French articles:
// one with the keyphrase well placed, one without, and checks that the
// keyphrase-placement assessments tell them apart.

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const { analyzeArticle, titleWidthPx, compareResults, formatComparison, researcherFor } = require("../parity.js");

const ARTICLES = path.join(__dirname, "..", "testdata", "articles.jsonl");
const PARITY = path.join(__dirname, "..", "parity.js");
const [good, bad] = fs
  .readFileSync(ARTICLES, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l));

test("fr_FR picks yoastseo's French researcher", () => {
  assert.equal(researcherFor("fr_FR").language, "fr");
  assert.equal(researcherFor("xx_YY").language, "_default");
  assert.equal(researcherFor("").language, "_default");
});

test("keyphrase placement scores differ between the two articles", () => {
  const g = analyzeArticle(good);
  const b = analyzeArticle(bad);
  const placement = ["introductionKeyword", "metaDescriptionKeyword", "keyphraseInSEOTitle", "slugKeyword", "keyphraseDensity"];
  for (const id of placement) {
    assert.equal(typeof g.seo[id], "number", `${id} missing for the good article`);
    assert.equal(typeof b.seo[id], "number", `${id} missing for the bad article`);
    assert.ok(g.seo[id] > b.seo[id], `${id}: well placed ${g.seo[id]} should beat ${b.seo[id]}`);
  }
  // Green (9) is Yoast's best band for these; red is at most 4.
  assert.equal(g.seo.introductionKeyword, 9);
  assert.ok(b.seo.introductionKeyword <= 4);
  assert.ok(g.seo_overall > b.seo_overall, `overall ${g.seo_overall} vs ${b.seo_overall}`);
  // The bad article repeats "Les travaux" at the start of 4 sentences in a row.
  assert.ok(b.readability.sentenceBeginnings < g.readability.sentenceBeginnings);
});

test("output uses Yoast's identifiers and the worker's aggregates", () => {
  const g = analyzeArticle(good, { explain: true });
  for (const id of ["introductionKeyword", "keyphraseLength", "keyphraseDensity", "metaDescriptionLength", "titleWidth", "textLength", "singleH1"]) {
    assert.ok(id in g.seo, `seo.${id}`);
    assert.match(g.explain.seo[id], /\S/, `feedback for ${id}`);
  }
  for (const id of ["subheadingsTooLong", "textParagraphTooLong", "textSentenceLength", "textTransitionWords", "passiveVoice", "sentenceBeginnings"]) {
    assert.ok(id in g.readability, `readability.${id}`);
  }
  // SEO aggregate = round(100 * sum / (9 * number of results)), silent results included.
  const all = Object.values(g.seo).concat(Object.values(g.silent.seo));
  assert.equal(g.silent.seo.functionWordsInKeyphrase, 0);
  const expected = Math.round((100 * all.reduce((a, b) => a + b, 0)) / (9 * all.length));
  assert.equal(g.seo_overall, expected);
  assert.ok([30, 60, 90].includes(g.readability_overall));
});

test("title width sums Arial advances at 20px", () => {
  assert.equal(titleWidthPx(""), 0);
  // 'a' is 1139/2048 em in Arial: 11.12 px at 20px.
  assert.equal(titleWidthPx("a"), 11);
  assert.equal(titleWidthPx("aaaaaaaaaa"), Math.round((10 * 1139 * 20) / 2048));
  assert.ok(titleWidthPx("WWWW") > titleWidthPx("iiii"));
  assert.equal(titleWidthPx("  a   b "), titleWidthPx("a b"));
  const long = "Pistes cyclables : Lyon ouvre quarante kilomètres de voies nouvelles dès 2025";
  const r = analyzeArticle({ ...good, title: long });
  assert.ok(r.titleWidth > 600);
  assert.equal(r.seo.titleWidth, 3);
  assert.equal(analyzeArticle({ ...good, title: long, titleWidth: 500 }).seo.titleWidth, 9);
});

test("compare counts identical scores and lists disagreements", () => {
  const y = [analyzeArticle(good, { explain: true }), analyzeArticle(bad, { explain: true })];
  const plume = y.map((r) => ({ id: r.id, checks: Object.entries(r.seo).map(([k, v]) => ({ yoast: k, score: v })) }));
  plume[1].checks.find((c) => c.yoast === "introductionKeyword").score = 9;
  plume[1].checks.push({ yoast: "notAYoastCheck", score: 1 });
  const c = compareResults(y, plume);
  const n = Object.keys(y[0].seo).length + Object.keys(y[1].seo).length;
  assert.equal(c.compared, n);
  assert.equal(c.identical, n - 1);
  assert.equal(c.disagreements.length, 1);
  assert.deepEqual([c.disagreements[0].id, c.disagreements[0].assessment, c.disagreements[0].plume], ["mal-place", "introductionKeyword", 9]);
  assert.equal(c.onlyPlume.length, 1);
  assert.ok(c.onlyYoast.some((d) => d.assessment === "passiveVoice"));
  const md = formatComparison(c);
  assert.match(md, /\| introductionKeyword \| 2 \| 1 \| 50\.0 % \|/);
  assert.match(md, /## Disagreements \(1\)/);
});

test("CLI: JSONL in, one JSONL line per article out; bad lines reported", () => {
  const input = fs.readFileSync(ARTICLES, "utf8") + "{not json\n";
  const r = spawnSync(process.execPath, [PARITY], { input, encoding: "utf8" });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.deepEqual(lines.map((l) => l.id), ["bien-place", "mal-place", null]);
  assert.match(lines[2].error, /invalid JSON/);
  assert.match(r.stderr, /line 3/);
});
