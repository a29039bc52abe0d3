// plume's editor page: paste a source, get the article with its SEO and
// readability checklist. No framework: the page is small, and every text
// coming from the server is set with textContent; the only HTML inserted is
// plume's own rendering of the article, parsed inertly and stripped of
// anything active before it is shown (the server's CSP forbids inline
// scripts in any case).

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = "plume.token";
let current = null; // the article shown

const RATINGS = { good: "bon", ok: "à améliorer", bad: "problème" };

// ERRORS says the API's error codes in French; the server's own message
// (English, for logs and scripts) follows in parentheses for the details.
const ERRORS = {
  bad_request: "La demande est incomplète.",
  bad_input: "Cette source ne peut pas être lue.",
  url_forbidden: "Cette adresse mène à un réseau interne : plume ne la lit pas.",
  no_article: "Aucun article trouvé dans cette source (seulement des menus, des commentaires ou trop peu de texte).",
  not_french: "Cette source n'est pas en français : choisissez le rédacteur « Modèle de langage » pour la traduire.",
  llm_failed: "Le modèle de langage n'a rien produit de vérifiable en français.",
  llm_unavailable: "Aucun modèle de langage n'est configuré sur ce serveur.",
  too_large: "Le texte est trop long pour le serveur.",
  timeout: "La rédaction a pris trop de temps.",
  unauthorized: "Jeton d'accès manquant ou incorrect.",
  internal: "Erreur interne du serveur.",
};

async function api(path, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = "Bearer " + token;
  const resp = await fetch(path, { ...options, headers });
  let body = null;
  try { body = await resp.json(); } catch { /* not JSON */ }
  if (!resp.ok) {
    if (resp.status === 401) $("token-row").hidden = false;
    const err = body && body.error ? body.error : { code: "", message: `le serveur a répondu ${resp.status}` };
    let msg = ERRORS[err.code] ? `${ERRORS[err.code]} (${err.message})` : err.message;
    if (resp.status === 503) msg = "Le serveur est occupé ; réessayez dans quelques secondes.";
    throw new Error(msg);
  }
  return body;
}

async function health() {
  try {
    const h = await api("/healthz");
    $("health").textContent = "plume " + (h.version || "");
    if (h.writers.includes("llm")) {
      const opt = $("writer").querySelector('option[value="llm"]');
      opt.disabled = false;
      opt.textContent = "Modèle de langage — prose nouvelle, mêmes vérifications";
    }
    $("writer").value = h.default_writer || "extractive";
    if (h.store) loadHistory();
    else $("history-empty").textContent = "Historique indisponible : le serveur ne garde pas d'articles (option --db).";
  } catch (e) {
    $("health").textContent = "serveur injoignable";
  }
}

async function loadHistory() {
  try {
    const { articles } = await api("/api/v1/articles");
    const ul = $("history");
    ul.replaceChildren();
    $("history-empty").hidden = articles.length > 0;
    for (const a of articles) {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = a.title || "(sans titre)";
      const small = document.createElement("small");
      const when = new Date(a.created_at).toLocaleString("fr-FR", { dateStyle: "short", timeStyle: "short" });
      small.textContent = `${a.word_count} mots · SEO ${a.seo_score} · ${when}`;
      b.append(small);
      b.addEventListener("click", () => openArticle(a.id));
      li.append(b);
      ul.append(li);
    }
  } catch (e) {
    if (!$("token-row").hidden) $("history-empty").textContent = "Saisissez le jeton d'accès pour voir l'historique.";
  }
}

async function openArticle(id) {
  showError("");
  try {
    const a = await api("/api/v1/articles/" + id);
    if (a.result) show(a.result);
  } catch (e) {
    showError(e.message);
  }
}

function showError(msg) {
  $("error").textContent = msg;
  $("error").hidden = !msg;
}

function setBusy(busy) {
  const run = $("run");
  run.disabled = busy;
  $("output").setAttribute("aria-busy", String(busy));
  const status = $("status");
  status.classList.toggle("busy", busy);
  clearInterval(setBusy.timer);
  if (!busy) { status.textContent = ""; run.textContent = "Rédiger l'article"; return; }
  run.textContent = "Rédaction en cours…";
  const start = Date.now();
  const tick = () => {
    const s = Math.round((Date.now() - start) / 1000);
    status.textContent = s < 2 ? "Rédaction en cours…" : `Rédaction en cours… ${s} s`;
  };
  tick();
  setBusy.timer = setInterval(tick, 1000);
}

async function submit(ev) {
  ev.preventDefault();
  showError("");
  const text = $("source").value;
  const url = $("url").value.trim();
  if (!text.trim() && !url) { showError("Collez le texte d'un article ou donnez l'adresse d'une page."); $("source").focus(); return; }
  if (text.trim() && url) { showError("Donnez un texte ou une adresse, pas les deux."); return; }
  const token = $("token").value.trim();
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  const body = { writer: $("writer").value };
  if (url) body.url = url; else body.text = text;
  const kp = $("keyphrase").value.trim();
  if (kp) body.keyphrase = kp;
  const mw = parseInt($("min-words").value, 10);
  if (mw > 0) body.min_words = mw;
  setBusy(true);
  try {
    const res = await api("/api/v1/rewrite", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    show(res);
    loadHistory();
  } catch (e) {
    showError(e.message);
  } finally {
    setBusy(false);
  }
}

// inert parses plume's HTML page and returns its <article>, with anything
// that could run removed.
function inert(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const art = doc.querySelector("article");
  if (!art) return document.createElement("div");
  art.querySelectorAll("script, iframe, object, embed, style, link, meta, form").forEach((n) => n.remove());
  for (const el of art.querySelectorAll("*")) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const val = attr.value.trim().toLowerCase();
      if (name.startsWith("on") || ((name === "href" || name === "src") && !/^(https?:|mailto:|\/|#|[^:]*$)/.test(val))) {
        el.removeAttribute(attr.name);
      }
    }
  }
  return document.importNode(art, true);
}

// french says plume's warnings, written in English for logs, in French;
// one it does not know is shown as it is.
function french(w) {
  let m = w.match(/^the sources support about (\d+) words, fewer than the (\d+) asked/);
  if (m) {
    return `Les sources permettent environ ${m[1]} mots, moins que les ${m[2]} demandés : ` +
      "ajoutez d'autres sources du même sujet, écrivez d'abord des articles liés (ils servent de contexte), ou utilisez le rédacteur LLM.";
  }
  m = w.match(/^meta description: no sentence of the sources fits 120–156 characters(.*)$/);
  if (m) return "Méta-description : aucune phrase des sources ne tient en 120 à 156 caractères" +
    (m[1].includes("cut") ? " ; l'introduction a été coupée entre deux mots." : " ; relisez-la.");
  m = w.match(/^after (\d+) writing passes, checks still not rated good: (.*)$/);
  if (m) return `Après ${m[1]} passes d'écriture, ces contrôles ne sont toujours pas au vert : ${m[2]}.`;
  return w.replace(/^llm: /, "Modèle de langage : ");
}

function light(rating) {
  const span = document.createElement("span");
  span.className = "light " + (rating || "");
  span.setAttribute("aria-hidden", "true");
  return span;
}

function fillChecks(checks) {
  const lists = { seo: $("checks-seo"), readability: $("checks-readability"), plume: $("checks-plume") };
  Object.values(lists).forEach((ul) => ul.replaceChildren());
  const order = { bad: 0, ok: 1, good: 2 };
  const sorted = [...(checks || [])].sort((a, b) => order[a.rating] - order[b.rating]);
  for (const c of sorted) {
    const ul = lists[c.id.split(".")[0]];
    if (!ul) continue;
    const li = document.createElement("li");
    li.dataset.check = c.id;
    li.dataset.rating = c.rating;
    const text = document.createElement("span");
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = (RATINGS[c.rating] || c.rating) + " : ";
    text.append(label, c.message);
    li.append(light(c.rating), text);
    ul.append(li);
  }
}

function rating(score) {
  return score >= 70 ? "good" : score >= 40 ? "ok" : "bad";
}

// truncate cuts text to maxPx at the given font, at a word, as Google does.
function truncate(text, font, maxPx) {
  const ctx = truncate.ctx || (truncate.ctx = document.createElement("canvas").getContext("2d"));
  ctx.font = font;
  if (ctx.measureText(text).width <= maxPx) return text;
  const words = text.split(" ");
  let out = "";
  for (const w of words) {
    const next = out ? out + " " + w : w;
    if (ctx.measureText(next + " …").width > maxPx) break;
    out = next;
  }
  return out + " …";
}

function show(res) {
  current = res;
  $("placeholder").hidden = true;
  $("result").hidden = false;
  $("words").textContent = res.word_count;
  $("seo-score").textContent = res.seo_score + "/100";
  $("read-score").textContent = res.readability_score + "/100";
  $("seo-light").className = "light " + rating(res.seo_score);
  $("read-light").className = "light " + rating(res.readability_score);
  $("kp").textContent = res.keyphrase;
  const warnings = res.warnings || [];
  $("warnings").hidden = warnings.length === 0;
  $("warning-list").replaceChildren(...warnings.map((w) => { const li = document.createElement("li"); li.textContent = french(w); return li; }));
  $("serp-url").textContent = location.host + " › " + res.slug;
  $("serp-title-text").textContent = truncate(res.seo_title || res.title, "20px Arial", 600);
  $("serp-desc").textContent = truncate(res.meta_description, "14px Arial", 920);
  $("article").replaceChildren(inert(res.html));
  fillChecks(res.checks);
  const f = res.fidelity || { unsupported: [], quotes_altered: [] };
  const problems = (f.unsupported || []).length + (f.quotes_altered || []).length;
  $("fidelity").className = "fidelity " + (problems ? "bad" : "good");
  $("fidelity").textContent = problems
    ? `Fidélité aux sources : ${problems} élément(s) introuvable(s) dans les sources.`
    : "Fidélité aux sources : chaque chiffre, nom et citation vient des sources.";
  $("output-title").focus({ preventScroll: true });
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  $("copied").textContent = "Copié.";
  setTimeout(() => { $("copied").textContent = ""; }, 2000);
}

function download(text, type, ext) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = (current.slug || "article") + ext;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("output-title").tabIndex = -1;
  $("form").addEventListener("submit", submit);
  $("source").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("form").requestSubmit();
  });
  $("copy-md").addEventListener("click", () => current && copy(current.markdown));
  $("copy-html").addEventListener("click", () => current && copy(current.html));
  $("dl-md").addEventListener("click", () => current && download(current.markdown, "text/markdown", ".md"));
  $("dl-html").addEventListener("click", () => current && download(current.html, "text/html", ".html"));
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) $("token").value = saved;
  health();
});
