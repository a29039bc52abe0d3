package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	goio "io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/check"
)

// runEvalYoast is `plume eval yoast`: it builds test articles from a
// corpus's truth.txt texts, runs Yoast SEO 3.6.0 on them through the Node
// harness and plume's analysis in exact mode, and prints the per-assessment
// agreement as a Markdown table.
func runEvalYoast(ctx context.Context, args []string, io IO) int {
	fs := newFlags("eval yoast", "eval yoast [--harness DIR] [--min-agreement R] [--keep DIR] CORPUS_DIR", io)
	harness := fs.String("harness", "tools/yoastparity", "directory of the Node harness (parity.js, with node_modules installed by npm ci)")
	minAgree := fs.Float64("min-agreement", 0, "exit 1 when the overall agreement rate is below this (0–1)")
	keep := fs.String("keep", "", "also write the articles, Yoast's and plume's results as JSONL into this directory")
	goldens := fs.String("articles", filepath.Join("internal", "rewrite", "testdata", "golden", "*.md"), "also compare these Markdown articles (the writers' golden outputs); empty for none")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return fail(io, "eval yoast: want one CORPUS_DIR")
	}
	if *minAgree < 0 || *minAgree > 1 {
		return fail(io, "eval yoast: --min-agreement must be between 0 and 1")
	}
	cases, err := yoastCases(pos[0])
	if err != nil {
		return fail(io, "eval yoast: %v", err)
	}
	if *goldens != "" {
		extra, err := articleCases(*goldens)
		if err != nil {
			return fail(io, "eval yoast: %v", err)
		}
		cases = append(cases, extra...)
	}
	var in bytes.Buffer
	for _, c := range cases {
		line, err := json.Marshal(c.harnessInput())
		if err != nil {
			return fail(io, "eval yoast: %v", err)
		}
		in.Write(line)
		in.WriteByte('\n')
	}
	yoast, err := runHarness(ctx, *harness, in.Bytes())
	if err != nil {
		return fail(io, "eval yoast: %v", err)
	}
	var plumeOut bytes.Buffer
	tab := newAgreement()
	for _, c := range cases {
		rep, err := check.Analyze(c.art, check.Options{Mode: check.Exact, Lang: "en"})
		if err != nil {
			return fail(io, "eval yoast: %s: %v", c.id, err)
		}
		y, ok := yoast[c.id]
		if !ok {
			return fail(io, "eval yoast: the harness gave no result for %s", c.id)
		}
		tab.add(c.id, rep, y)
		row := map[string]any{"id": c.id, "seo_overall": rep.SEOScore, "readability_overall": rep.ReadabilityScore, "checks": rep.Checks}
		line, _ := json.Marshal(row)
		plumeOut.Write(line)
		plumeOut.WriteByte('\n')
	}
	if *keep != "" {
		if err := os.MkdirAll(*keep, 0o755); err != nil {
			return fail(io, "eval yoast: %v", err)
		}
		for name, data := range map[string][]byte{"articles.jsonl": in.Bytes(), "plume.jsonl": plumeOut.Bytes()} {
			if err := os.WriteFile(filepath.Join(*keep, name), data, 0o644); err != nil {
				return fail(io, "eval yoast: %v", err)
			}
		}
	}
	tab.write(io.Out, len(cases))
	if *minAgree > 0 && tab.rate() < *minAgree {
		fmt.Fprintf(io.Err, "plume: eval yoast: agreement %.1f %% is below %.1f %%\n", 100*tab.rate(), 100**minAgree)
		return ExitChecks
	}
	return ExitOK
}

// articleCases reads finished Markdown articles — the writers' golden
// outputs — as test articles, with their own keyphrase and SEO fields.
func articleCases(glob string) ([]yoastCase, error) {
	paths, err := filepath.Glob(glob)
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []yoastCase
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		a, err := article.ParseMarkdown(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, yoastCase{id: "golden/" + strings.TrimSuffix(filepath.Base(p), ".md"), art: a})
	}
	return out, nil
}

// yoastRow is one line of the harness's output.
type yoastRow struct {
	ID                 string         `json:"id"`
	SEO                map[string]int `json:"seo"`
	Readability        map[string]int `json:"readability"`
	SEOOverall         int            `json:"seo_overall"`
	ReadabilityOverall int            `json:"readability_overall"`
	Error              string         `json:"error"`
}

// runHarness runs `node parity.js -` in the harness directory with the
// articles on standard input.
func runHarness(ctx context.Context, dir string, articles []byte) (map[string]yoastRow, error) {
	if _, err := os.Stat(filepath.Join(dir, "parity.js")); err != nil {
		return nil, fmt.Errorf("harness: %w (give --harness the tools/yoastparity directory)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "yoastseo")); err != nil {
		return nil, fmt.Errorf("harness: yoastseo is not installed in %s (run npm ci there)", dir)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("harness: %w", err)
	}
	cmd := exec.CommandContext(ctx, node, "parity.js", "-")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(articles)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("harness: node parity.js: %w: %s", err, firstLineOf(stderr.String()))
	}
	rows := map[string]yoastRow{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var r yoastRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("harness output: %w", err)
		}
		if r.Error != "" {
			return nil, fmt.Errorf("harness: %s: %s", r.ID, r.Error)
		}
		rows[r.ID] = r
	}
	return rows, sc.Err()
}

func firstLineOf(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// agreement counts identical scores per Yoast assessment.
type agreement struct {
	per           map[string]*[2]int // compared, identical
	disagreements []string
}

func newAgreement() *agreement { return &agreement{per: map[string]*[2]int{}} }

func (t *agreement) bump(name string, same bool) {
	c := t.per[name]
	if c == nil {
		c = &[2]int{}
		t.per[name] = c
	}
	c[0]++
	if same {
		c[1]++
	}
}

func (t *agreement) add(id string, rep *check.Report, y yoastRow) {
	for _, r := range rep.Checks {
		if r.Yoast == "" {
			continue
		}
		ys, ok := y.SEO[r.Yoast]
		if !ok {
			ys, ok = y.Readability[r.Yoast]
		}
		if !ok {
			continue // Yoast did not show it (no feedback text)
		}
		t.bump(r.Yoast, ys == r.Score)
		if ys != r.Score {
			t.disagreements = append(t.disagreements, fmt.Sprintf("| %s | %s | %d | %d |", id, r.Yoast, ys, r.Score))
		}
	}
	for _, o := range []struct {
		name        string
		plume, yoas int
	}{{"seo_overall", rep.SEOScore, y.SEOOverall}, {"readability_overall", rep.ReadabilityScore, y.ReadabilityOverall}} {
		t.bump(o.name, o.plume == o.yoas)
		if o.plume != o.yoas {
			t.disagreements = append(t.disagreements, fmt.Sprintf("| %s | %s | %d | %d |", id, o.name, o.yoas, o.plume))
		}
	}
}

// rate is the share of identical scores over all assessments, aggregates
// excluded.
func (t *agreement) rate() float64 {
	n, same := 0, 0
	for name, c := range t.per {
		if strings.HasSuffix(name, "_overall") {
			continue
		}
		n += c[0]
		same += c[1]
	}
	if n == 0 {
		return 0
	}
	return float64(same) / float64(n)
}

func (t *agreement) write(w goio.Writer, articles int) {
	names := make([]string, 0, len(t.per))
	for n := range t.per {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "Yoast SEO 3.6.0 vs plume (exact mode) on %d articles\n\n", articles)
	b.WriteString("| assessment | compared | identical | agreement |\n|---|---:|---:|---:|\n")
	n, same := 0, 0
	for _, name := range names {
		c := t.per[name]
		fmt.Fprintf(&b, "| %s | %d | %d | %.1f %% |\n", name, c[0], c[1], 100*float64(c[1])/float64(c[0]))
		if !strings.HasSuffix(name, "_overall") {
			n += c[0]
			same += c[1]
		}
	}
	fmt.Fprintf(&b, "| **all assessments** | **%d** | **%d** | **%.1f %%** |\n", n, same, 100*t.rate())
	fmt.Fprintf(&b, "\n## Disagreements (%d)\n\n", len(t.disagreements))
	if len(t.disagreements) > 0 {
		b.WriteString("| article | assessment | Yoast | plume |\n|---|---|---:|---:|\n")
		for _, d := range t.disagreements {
			b.WriteString(d + "\n")
		}
	} else {
		b.WriteString("None.\n")
	}
	goio.WriteString(w, b.String())
}

// yoastCase is one test article.
type yoastCase struct {
	id  string
	art *article.Article
}

// harnessInput is the article as the harness's JSONL line.
func (c yoastCase) harnessInput() map[string]any {
	return map[string]any{
		"id":          c.id,
		"text":        renderHTML(c.art),
		"keyword":     c.art.Keyphrase,
		"title":       c.art.TitleForSEO(),
		"description": c.art.MetaDescription,
		"url":         c.art.Slug,
		"permalink":   c.art.URL,
		"locale":      "fr_FR",
	}
}

// renderHTML renders an article's body as the HTML Yoast analyses.
func renderHTML(a *article.Article) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		switch bl.Kind {
		case article.Heading:
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", bl.Level, linkify(bl.Text, bl.Links), bl.Level)
		case article.Paragraph:
			fmt.Fprintf(&b, "<p>%s</p>\n", linkify(bl.Text, bl.Links))
		case article.List:
			b.WriteString("<ul>\n")
			for _, it := range bl.Items {
				fmt.Fprintf(&b, "<li>%s</li>\n", linkify(it, bl.Links))
			}
			b.WriteString("</ul>\n")
		case article.Quote:
			fmt.Fprintf(&b, "<blockquote><p>%s</p></blockquote>\n", linkify(bl.Text, bl.Links))
		case article.Image:
			fmt.Fprintf(&b, "<p><img src=\"%s\" alt=\"%s\"></p>\n", html.EscapeString(bl.Src), html.EscapeString(bl.Alt))
		}
	}
	return b.String()
}

// linkify escapes text and wraps the first occurrence of each link's text in
// an anchor.
func linkify(text string, links []article.Link) string {
	type span struct {
		at, end int
		l       article.Link
	}
	var spans []span
	from := 0
	for _, l := range links {
		if l.Text == "" {
			continue
		}
		i := strings.Index(text[from:], l.Text)
		if i < 0 {
			continue
		}
		spans = append(spans, span{from + i, from + i + len(l.Text), l})
		from += i + len(l.Text)
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		b.WriteString(html.EscapeString(text[last:s.at]))
		rel := ""
		if s.l.NoFollow {
			rel = ` rel="nofollow"`
		}
		fmt.Fprintf(&b, `<a href="%s"%s>%s</a>`, html.EscapeString(s.l.URL), rel, html.EscapeString(text[s.at:s.end]))
		last = s.end
	}
	b.WriteString(html.EscapeString(text[last:]))
	return b.String()
}

// variants is the number of test articles built from each text.
const variants = 7

// yoastCases builds the test articles: seven variants of every truth.txt of
// the corpus, varying keyphrase, title, meta description, slug, headings,
// links, images and length.
func yoastCases(dir string) ([]yoastCase, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "truth.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []yoastCase
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		var paras []string
		for _, line := range strings.Split(strings.ReplaceAll(string(raw), "\u00ad", ""), "\n") {
			if line = strings.Join(strings.Fields(line), " "); line != "" {
				paras = append(paras, line)
			}
		}
		if len(paras) == 0 {
			continue
		}
		name := filepath.Base(filepath.Dir(p))
		for v := 0; v < variants; v++ {
			out = append(out, yoastCase{id: fmt.Sprintf("%s#%d", name, v), art: variant(paras, v)})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no */truth.txt in %s", dir)
	}
	return out, nil
}

// phrases of the text used as keyphrases: the most frequent pair of
// adjacent content words and the most frequent content word.
func topPhrases(paras []string) (pair, word string) {
	pairs, words := map[string]int{}, map[string]int{}
	isContent := func(w string) bool {
		if len([]rune(w)) < 5 {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		return check.ParseKeyphrase(w).Len() == 1 && !check.ParseKeyphrase(w).OnlyFunction
	}
	for _, p := range paras {
		ws := strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		for i, w := range ws {
			if !isContent(w) {
				continue
			}
			words[w]++
			if i+1 < len(ws) && isContent(ws[i+1]) {
				pairs[w+" "+ws[i+1]]++
			}
		}
	}
	best := func(m map[string]int) string {
		b, n := "", 0
		for k, c := range m {
			if c > n || c == n && k < b {
				b, n = k, c
			}
		}
		return b
	}
	return best(pairs), best(words)
}

func slugify(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteString(strings.NewReplacer("é", "e", "è", "e", "ê", "e", "à", "a", "â", "a", "ç", "c", "ô", "o", "î", "i", "ï", "i", "û", "u", "ù", "u", "œ", "oe").Replace(string(r)))
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.TrimRight(strings.Join(f, " "), ",;:")
}

// variant builds test article v of a text.
func variant(paras []string, v int) *article.Article {
	pair, word := topPhrases(paras)
	a := &article.Article{URL: "https://plume.example/actualite/article"}
	body := paras
	withHeadings := false
	switch v {
	case 0: // a noun phrase of the text; ideal meta; headings, links, one image
		a.Keyphrase = pair
		a.Title = capitalise(pair) + " : ce qu'il faut retenir"
		a.MetaDescription = fitMeta(pair+" : "+paras[0], 140)
		a.Slug = slugify(pair)
		withHeadings = true
	case 1: // a phrase absent from the text; no meta; long title
		a.Keyphrase = "recette de la tarte aux pommes"
		a.Title = firstWords(paras[0], 20)
		a.Slug = "recette-tarte"
	case 2: // one word; short meta; short body
		a.Keyphrase = word
		a.Title = "Actualité : " + word + " et la suite"
		a.MetaDescription = fitMeta(paras[0], 90)
		a.Slug = slugify(word + " actualite")
		body = truncateWords(paras, 180)
	case 3: // a long keyphrase; too long meta; headings every paragraph
		a.Keyphrase = firstWords(strings.Trim(paras[0], "«» "), 16)
		a.Title = firstWords(paras[0], 8)
		a.MetaDescription = fitMeta(strings.Join(paras, " "), 200)
		a.Slug = slugify(firstWords(paras[0], 6))
		withHeadings = true
	case 4: // quoted keyphrase; very short text; no slug, no title
		a.Keyphrase = `"` + pair + `"`
		a.MetaDescription = fitMeta(paras[len(paras)-1], 125)
		body = truncateWords(paras, 80)
	case 5: // keyword stuffing; two H1; one late heading; very long keyphrase
		a.Keyphrase = word
		a.Title = "Le dossier complet : " + word
		a.Slug = slugify(word)
		var stuffed []string
		for _, p := range truncateWords(paras, 400) {
			stuffed = append(stuffed, p+" "+capitalise(word)+", "+word+".")
		}
		body = stuffed
	case 6: // function words only; partial slug; text of 100–200 words
		a.Keyphrase = "de la"
		a.Title = "Tout savoir de la " + word
		a.MetaDescription = fitMeta(strings.Join(paras, " "), 156)
		a.Slug = "de-" + slugify(word)
		body = truncateWords(paras, 150)
	}
	if v == 5 {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.Heading, Level: 1, Text: "Premier titre"})
	}
	for i, p := range body {
		if v == 5 && i == len(body)-1 && i > 0 {
			a.Blocks = append(a.Blocks, article.Block{Kind: article.Heading, Level: 2, Text: "Fin du dossier"})
		}
		if withHeadings && i > 0 && (v == 3 || i%3 == 0) {
			h := firstWords(p, 6)
			if v == 0 && i%2 == 0 {
				h = capitalise(pair) + " : " + firstWords(p, 3)
			}
			a.Blocks = append(a.Blocks, article.Block{Kind: article.Heading, Level: 2 + i%2, Text: h})
		}
		b := article.Block{Kind: article.Paragraph, Text: p}
		if v == 0 || v == 2 {
			addLinks(&b, i, a.Keyphrase)
		}
		a.Blocks = append(a.Blocks, b)
		if i == 1 && v != 1 {
			alt := "Illustration"
			if v == 0 {
				alt = capitalise(pair)
			}
			a.Blocks = append(a.Blocks, article.Block{Kind: article.Image, Src: "/img/illustration.jpg", Alt: alt})
		}
	}
	if v == 5 {
		a.Blocks = append(a.Blocks[:len(a.Blocks)-1:len(a.Blocks)-1], article.Block{Kind: article.Heading, Level: 1, Text: "Second titre"}, a.Blocks[len(a.Blocks)-1])
	}
	if v == 2 && len(a.Blocks) > 0 {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.List, Items: []string{"Premier point à retenir.", "Second point à retenir."}, Text: "Premier point à retenir.\nSecond point à retenir."})
	}
	return a
}

func capitalise(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// addLinks adds links on words of a paragraph: an internal one, an external
// one, a nofollow one and, in the first paragraph, one whose anchor is the
// keyphrase.
func addLinks(b *article.Block, i int, keyphrase string) {
	words := strings.Fields(b.Text)
	if len(words) < 4 {
		return
	}
	switch i % 3 {
	case 0:
		b.Links = append(b.Links, article.Link{Text: words[1], URL: "/actualite/autre-article"})
	case 1:
		b.Links = append(b.Links, article.Link{Text: words[2], URL: "https://www.example.org/source"})
	case 2:
		b.Links = append(b.Links, article.Link{Text: words[3], URL: "https://www.example.net/", NoFollow: true})
	}
	if i == 2 && strings.Contains(strings.ToLower(b.Text), keyphrase) {
		at := strings.Index(strings.ToLower(b.Text), keyphrase)
		b.Links = append(b.Links[:0], article.Link{Text: b.Text[at : at+len(keyphrase)], URL: "https://concurrent.example/page"})
	}
}

func truncateWords(paras []string, n int) []string {
	var out []string
	count := 0
	for _, p := range paras {
		w := strings.Fields(p)
		if count+len(w) > n {
			if rest := n - count; rest > 10 {
				out = append(out, strings.Join(w[:rest], " ")+".")
			}
			break
		}
		out = append(out, p)
		count += len(w)
	}
	if len(out) == 0 {
		out = append(out, firstWords(paras[0], n))
	}
	return out
}

// fitMeta cuts text to about n characters at a word boundary.
func fitMeta(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return cut + "."
}
