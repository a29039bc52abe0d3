#!/usr/bin/env node
// parity.js — runs Yoast SEO's own analysis (npm yoastseo 3.6.0, GPL-3) on
// plume's articles, so plume's Go reimplementation of the rules can be checked
// assessment by assessment. It is a separate process on purpose: yoastseo is
// GPL-3 and is never linked into or copied into plume.
//
//   node parity.js [--explain] [--cornerstone] [FILE|-]      analyse articles (JSONL) -> JSONL
//   node parity.js compare [--all] YOAST_OR_ARTICLES PLUME   agreement report (Markdown)
//
// See README.md for the input and output shapes.
"use strict";

const fs = require("node:fs");
const readline = require("node:readline");

const yoast = require("yoastseo");
const SEOAssessor = require("yoastseo/build/scoring/assessors/seoAssessor.js").default;
const ContentAssessor = require("yoastseo/build/scoring/assessors/contentAssessor.js").default;
const CornerstoneSEOAssessor = require("yoastseo/build/scoring/assessors/cornerstone/seoAssessor.js").default;
const CornerstoneContentAssessor = require("yoastseo/build/scoring/assessors/cornerstone/contentAssessor.js").default;

const WIDTHS = require("./data/arial-widths.json");

// Yoast's snippet preview measures the SEO title with "arial, sans-serif",
// 20px, weight 400, and reads the element's offsetWidth (an integer).
const TITLE_FONT_PX = 20;

/**
 * titleWidthPx estimates the pixel width Yoast's snippet preview would measure
 * for an SEO title: the sum of Arial advance widths at 20px, rounded to an
 * integer like offsetWidth. Kerning and font fallback are not modelled.
 * @param {string} title
 * @returns {number}
 */
function titleWidthPx(title) {
  // The measuring element is a div with innerText: runs of white space
  // collapse and leading/trailing white space does not count.
  const text = String(title || "").replace(/[\t\n\r\f ]+/g, " ").trim();
  let units = 0;
  for (const ch of text) {
    const w = WIDTHS.widths[ch.codePointAt(0).toString(16)];
    units += w === undefined ? WIDTHS.fallback : w;
  }
  return Math.round((units * TITLE_FONT_PX) / WIDTHS.unitsPerEm);
}

const researcherCache = new Map();

/**
 * researcherFor returns the language researcher yoastseo ships for the
 * locale's language (fr_FR -> fr), or the default researcher when yoastseo
 * has none. yoastseo itself does not choose: the host application passes the
 * researcher, and the Paper's locale only tunes a few assessments and the
 * readability aggregate.
 * @param {string} locale
 * @returns {{Researcher: Function, language: string}}
 */
function researcherFor(locale) {
  const lang = String(locale || "").split("_")[0].toLowerCase();
  if (researcherCache.has(lang)) return researcherCache.get(lang);
  let found = { Researcher: null, language: "_default" };
  if (/^[a-z]{2}$/.test(lang)) {
    try {
      found = {
        Researcher: require(`yoastseo/build/languageProcessing/languages/${lang}/Researcher.js`).default,
        language: lang,
      };
    } catch (err) {
      if (err.code !== "MODULE_NOT_FOUND") throw err;
    }
  }
  if (!found.Researcher) {
    found.Researcher = require("yoastseo/build/languageProcessing/languages/_default/Researcher.js").default;
  }
  researcherCache.set(lang, found);
  return found;
}

function stripTags(html) {
  return String(html || "").replace(/<[^>]*>/g, "");
}

/**
 * analyzeArticle runs the SEO and readability assessors on one article the
 * way Yoast's analysis worker does (assess, then the assessor's own score
 * aggregator).
 * @param {object} article  one input line (id, text, keyword, title, description, url, permalink, locale, …)
 * @param {{explain?: boolean, cornerstone?: boolean}} [opts]
 * @returns {object} {id, seo, readability, seo_overall, readability_overall, silent, researcher, titleWidth[, explain]}
 */
function analyzeArticle(article, opts = {}) {
  if (article === null || typeof article !== "object") throw new Error("article is not a JSON object");
  const locale = article.locale || "fr_FR";
  const title = article.title || "";
  const titleWidth = Number.isFinite(article.titleWidth) ? article.titleWidth : titleWidthPx(title);
  const attrs = {
    keyword: article.keyword || "",
    synonyms: article.synonyms || "",
    description: article.description || "",
    title,
    titleWidth,
    // Paper's "url" attribute is deprecated in favour of "slug" (it warns).
    slug: article.slug || article.url || "",
    permalink: article.permalink || "",
    locale,
    date: article.date || "",
  };
  const paper = new yoast.Paper(article.text || "", attrs);
  const { Researcher, language } = researcherFor(locale);
  const cornerstone = Boolean(opts.cornerstone || article.cornerstone);

  const out = { id: article.id === undefined ? null : article.id };
  const explain = { seo: {}, readability: {} };
  const silent = { seo: {}, readability: {} };
  const runs = [
    ["seo", cornerstone ? CornerstoneSEOAssessor : SEOAssessor],
    ["readability", cornerstone ? CornerstoneContentAssessor : ContentAssessor],
  ];
  for (const [kind, Assessor] of runs) {
    const researcher = new Researcher(paper);
    const assessor = new Assessor(researcher);
    const aggregator = assessor.getScoreAggregator();
    aggregator.setLocale(locale);
    assessor.assess(paper);
    const scores = {};
    for (const r of assessor.results) {
      const id = r.getIdentifier();
      // A result without feedback text is not shown by Yoast (e.g.
      // functionWordsInKeyphrase when the keyphrase has content words), but
      // the SEO aggregate still counts it: keep it apart, not dropped.
      if (!r.hasText()) {
        silent[kind][id] = r.getScore();
        continue;
      }
      scores[id] = r.getScore();
      explain[kind][id] = stripTags(r.getText());
    }
    out[kind] = scores;
    // The plugin's analysis worker aggregates assessor.results (all of them)
    // with the assessor's aggregator; so do we.
    out[`${kind}_overall`] = aggregator.aggregate(assessor.results);
  }
  out.silent = silent;
  out.researcher = language;
  out.titleWidth = titleWidth;
  if (opts.explain) out.explain = explain;
  return out;
}

async function* readJSONL(file) {
  const input = !file || file === "-" ? process.stdin : fs.createReadStream(file);
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === "") continue;
    let value;
    let error = null;
    try {
      value = JSON.parse(line);
    } catch (err) {
      error = new Error(`${file || "stdin"}:${n}: invalid JSON: ${err.message}`);
    }
    yield { line: n, value, error };
  }
}

async function loadJSONL(file) {
  const rows = [];
  for await (const row of readJSONL(file)) {
    if (row.error) throw row.error;
    rows.push(row.value);
  }
  return rows;
}

/**
 * compareResults computes per-assessment agreement between Yoast's results and
 * plume's. plume rows are {id, checks:[{yoast, score}]} and may carry
 * seo_overall / readability_overall, which are compared as pseudo-assessments.
 * @param {object[]} yoastRows rows as produced by analyzeArticle
 * @param {object[]} plumeRows
 * @returns {{perAssessment: object, compared: number, identical: number, disagreements: object[], onlyYoast: object[], onlyPlume: object[], missingArticles: string[]}}
 */
function compareResults(yoastRows, plumeRows) {
  const byId = new Map();
  for (const y of yoastRows) byId.set(String(y.id), y);
  const per = {};
  const bump = (name, field) => {
    per[name] = per[name] || { compared: 0, identical: 0, onlyYoast: 0, onlyPlume: 0 };
    per[name][field]++;
  };
  const disagreements = [];
  const onlyYoast = [];
  const onlyPlume = [];
  const missingArticles = [];
  let compared = 0;
  let identical = 0;
  for (const p of plumeRows) {
    const id = String(p.id);
    const y = byId.get(id);
    if (!y) {
      missingArticles.push(id);
      continue;
    }
    const ys = Object.assign({}, y.seo, y.readability);
    const seen = new Set();
    const pairs = [];
    for (const c of p.checks || []) {
      if (!c || typeof c.yoast !== "string" || c.yoast === "") continue;
      seen.add(c.yoast);
      pairs.push([c.yoast, c.score]);
    }
    for (const k of ["seo_overall", "readability_overall"]) {
      if (p[k] !== undefined) pairs.push([k, p[k]]);
    }
    for (const [name, score] of pairs) {
      const yscore = name.endsWith("_overall") ? y[name] : ys[name];
      if (yscore === undefined) {
        bump(name, "onlyPlume");
        onlyPlume.push({ id, assessment: name, plume: score });
        continue;
      }
      bump(name, "compared");
      compared++;
      if (Number(score) === yscore) {
        bump(name, "identical");
        identical++;
      } else {
        disagreements.push({ id, assessment: name, yoast: yscore, plume: score, feedback: y.explain ? (y.explain.seo[name] || y.explain.readability[name] || "") : "" });
      }
    }
    for (const name of Object.keys(ys)) {
      if (!seen.has(name)) {
        bump(name, "onlyYoast");
        onlyYoast.push({ id, assessment: name, yoast: ys[name] });
      }
    }
  }
  return { perAssessment: per, compared, identical, disagreements, onlyYoast, onlyPlume, missingArticles };
}

function pct(a, b) {
  return b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)} %`;
}

/**
 * formatComparison renders compareResults' output as Markdown.
 * @param {ReturnType<typeof compareResults>} c
 * @param {{all?: boolean}} [opts] all: also list assessments only one side scored
 * @returns {string}
 */
function formatComparison(c, opts = {}) {
  const lines = [];
  lines.push("| assessment | compared | identical | agreement | only Yoast | only plume |");
  lines.push("|---|---:|---:|---:|---:|---:|");
  for (const name of Object.keys(c.perAssessment).sort()) {
    const s = c.perAssessment[name];
    lines.push(`| ${name} | ${s.compared} | ${s.identical} | ${pct(s.identical, s.compared)} | ${s.onlyYoast} | ${s.onlyPlume} |`);
  }
  lines.push(`| **overall** | **${c.compared}** | **${c.identical}** | **${pct(c.identical, c.compared)}** | | |`);
  lines.push("");
  lines.push(`Overall agreement (identical score): ${c.identical}/${c.compared} = ${pct(c.identical, c.compared)}`);
  if (c.missingArticles.length) lines.push(`\nArticles in plume's output that Yoast did not analyse: ${c.missingArticles.join(", ")}`);
  lines.push("");
  lines.push(`## Disagreements (${c.disagreements.length})`);
  lines.push("");
  if (c.disagreements.length) {
    lines.push("| id | assessment | Yoast | plume | Yoast feedback |");
    lines.push("|---|---|---:|---:|---|");
    for (const d of c.disagreements) {
      lines.push(`| ${d.id} | ${d.assessment} | ${d.yoast} | ${d.plume} | ${String(d.feedback).replace(/\|/g, "\\|")} |`);
    }
  } else {
    lines.push("None.");
  }
  if (opts.all) {
    lines.push("");
    lines.push(`## Scored by Yoast only (${c.onlyYoast.length})`);
    for (const d of c.onlyYoast) lines.push(`- ${d.id} ${d.assessment}: ${d.yoast}`);
    lines.push("");
    lines.push(`## Scored by plume only (${c.onlyPlume.length})`);
    for (const d of c.onlyPlume) lines.push(`- ${d.id} ${d.assessment}: ${d.plume}`);
  }
  return lines.join("\n") + "\n";
}

const USAGE = `usage:
  node parity.js [--explain] [--cornerstone] [FILE|-]
  node parity.js compare [--all] YOAST_OR_ARTICLES.jsonl PLUME.jsonl
`;

async function runAnalyze(args) {
  const opts = { explain: false, cornerstone: false };
  let file = "-";
  for (const a of args) {
    if (a === "--explain") opts.explain = true;
    else if (a === "--cornerstone") opts.cornerstone = true;
    else if (a === "-h" || a === "--help") {
      process.stdout.write(USAGE);
      return 0;
    } else if (a.startsWith("--")) throw new Error(`unknown flag ${a}\n${USAGE}`);
    else file = a;
  }
  let failed = 0;
  for await (const row of readJSONL(file)) {
    let out;
    try {
      if (row.error) throw row.error;
      out = analyzeArticle(row.value, opts);
    } catch (err) {
      failed++;
      const id = row.value && row.value.id !== undefined ? row.value.id : null;
      process.stderr.write(`yoastparity: line ${row.line}: ${err.message}\n`);
      out = { id, error: err.message };
    }
    process.stdout.write(JSON.stringify(out) + "\n");
  }
  return failed ? 1 : 0;
}

async function runCompare(args) {
  const files = [];
  let all = false;
  for (const a of args) {
    if (a === "--all") all = true;
    else if (a.startsWith("--")) throw new Error(`unknown flag ${a}\n${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 2) throw new Error(`compare needs two files\n${USAGE}`);
  const first = await loadJSONL(files[0]);
  // The first file is either Yoast's output (has "seo") or the articles
  // themselves (has "text"), which are then analysed here.
  const yoastRows = first.map((r) => (r && r.seo === undefined ? analyzeArticle(r, { explain: true }) : r));
  const plumeRows = await loadJSONL(files[1]);
  const c = compareResults(yoastRows, plumeRows);
  process.stdout.write(formatComparison(c, { all }));
  return 0;
}

async function main(argv) {
  if (argv[0] === "compare") return runCompare(argv.slice(1));
  return runAnalyze(argv[0] === "analyze" ? argv.slice(1) : argv);
}

module.exports = { analyzeArticle, titleWidthPx, researcherFor, compareResults, formatComparison };

if (require.main === module) {
  // A closed pipe (| head) is a normal way to stop reading, not an error.
  process.stdout.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`yoastparity: ${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
