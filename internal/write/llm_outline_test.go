package write_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/llm/llmtest"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/typo"
	"github.com/plume-seo/plume/internal/write"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// outlineMarker is in every outline prompt and in no section prompt.
const outlineMarker = "<titre_actuel>"

var sectionRe = regexp.MustCompile(`<section numero="(\d+)" type="[a-z_]+" expression_cle="(oui|non)">\s*<intertitre_actuel>(.*?)</intertitre_actuel>`)

// promptSection is a section as the outline prompt gives it.
type promptSection struct {
	n       int
	withKey bool
	heading string
}

// outlineRule answers outline prompts with propose(sections) as the title
// and headings, and lets the other prompts through to the next rule.
func outlineRule(propose func(secs []promptSection) (string, []string)) llmtest.Rule {
	return llmtest.Rule{Marker: outlineMarker, Respond: func(prompt string) llmtest.Reply {
		var secs []promptSection
		for _, m := range sectionRe.FindAllStringSubmatch(prompt, -1) {
			var n int
			fmt.Sscan(m[1], &n)
			secs = append(secs, promptSection{n, m[2] == "oui", m[3]})
		}
		title, hs := propose(secs)
		ans := writertest.Outline{Title: title}
		for i, s := range secs {
			if i < len(hs) {
				ans.Headings = append(ans.Headings, writertest.OutlineHeading{Section: s.n, Heading: hs[i]})
			}
		}
		b, _ := json.Marshal(ans)
		return llmtest.Reply{Content: string(b)}
	}}
}

var h2 = writertest.H2

// offline plans the story of the seeds for 700 words and writes it with
// the offline writer.
func offline(t testing.TB, seeds ...string) (*facts.Sheet, *plan.Plan, *write.Draft) {
	t.Helper()
	sh := writertest.Sheet(t, seeds)
	p := plan.Build(sh, plan.Options{MinWords: 700})
	d, err := write.Extractive{}.Write(context.Background(), p, sh)
	if err != nil {
		t.Fatal(err)
	}
	return sh, p, d
}

// writeLLM writes the plan with the LLM writer on c.
func writeLLM(t *testing.T, c *llm.Client, p *plan.Plan, sh *facts.Sheet) *write.Draft {
	t.Helper()
	d, err := (&write.LLM{Client: c}).Write(context.Background(), p, sh)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// keyShare is the share of H2 and H3 subheadings that hold the keyphrase.
func keyShare(a *article.Article, kw []string) float64 {
	n, with := 0, 0
	for _, b := range a.Blocks {
		if b.Kind == article.Heading && (b.Level == 2 || b.Level == 3) {
			n++
			if keyphrase.ContainsAll(b.Text, kw) {
				with++
			}
		}
	}
	return float64(with) / float64(n)
}

func fixTypo(s string) string { return typo.Fix(s, typo.DefaultStyle()) }

// spaces turns French typography's no-break spaces into plain ones.
var spaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

// Each proposed heading is kept only if it passes the offline writer's
// rules; a refused one keeps the offline heading and the warning says why.
// The section calls come after the outline call and write under the
// headings that stand.
func TestLLMOutlineHeadings(t *testing.T) {
	t.Parallel()
	withKey := func(s promptSection, h string) string {
		if s.withKey {
			return "Hafnium : " + strings.ToLower(h[:1]) + h[1:]
		}
		return h
	}
	c, srv := client(t, outlineRule(func(secs []promptSection) (string, []string) {
		if len(secs) < 5 {
			t.Fatalf("%d sections in the outline prompt; want 5 or more", len(secs))
		}
		good := withKey(secs[0], "Les failles de sécurité")
		return "Hafnium : 12 345 serveurs de messagerie piratés", []string{
			good,
			withKey(secs[1], "Les serveurs de messagerie de Microsoft visés par une campagne de piratage d’ampleur mondiale"),
			"What we know about the hack and why it matters",
			withKey(secs[3], "Les 99 999 victimes du piratage"),
			good,
		}
	}), llmtest.Rule{Respond: faithful})
	sh, p, off := offline(t, "001")
	d := writeLLM(t, c, p, sh)
	var body []int // indices of the body and profile H2 in order
	for i, s := range off.Sections {
		if s.Kind == plan.Body || s.Kind == plan.Profile {
			body = append(body, i)
		}
	}
	got, want := h2(d.Article), h2(off.Article)
	if len(got) != len(want) {
		t.Fatalf("H2 %q; offline %q", got, want)
	}
	first := d.Sections[body[0]].Heading
	if first == want[body[0]] || got[body[0]] != first || !strings.Contains(first, "failles de sécurité") {
		t.Errorf("the valid proposal was not applied: %q (offline %q)", first, want[body[0]])
	}
	for _, k := range body[1:5] {
		if got[k] != want[k] || d.Sections[k].Heading != want[k] {
			t.Errorf("section %d: %q; want the offline %q", k, got[k], want[k])
		}
	}
	for i := range got {
		if !containsIndex(body, i) && got[i] != want[i] {
			t.Errorf("fixed heading %q changed to %q", want[i], got[i])
		}
	}
	warn := spaces.Replace(strings.Join(d.Warnings, "\n"))
	for _, reason := range []string{"caractères (au plus 70)", "pas en français", "absent des sources : « 99 999", "identique à un autre intertitre"} {
		if !strings.Contains(warn, reason) {
			t.Errorf("no warning says %q:\n%s", reason, warn)
		}
	}
	if d.Article.Title != off.Article.Title || !strings.Contains(warn, "12 345") {
		t.Errorf("title %q (offline %q): an invented figure was accepted or not reported", d.Article.Title, off.Article.Title)
	}
	reqs := srv.Requests()
	if !strings.Contains(reqs[0].Text(), outlineMarker) || len(reqs[0].ResponseFormat) == 0 {
		t.Errorf("the first call is not the outline with a JSON schema: %.200q", reqs[0].Text())
	}
	under := false
	for _, r := range reqs[1:] {
		if strings.Contains(r.Text(), outlineMarker) {
			t.Error("more than one outline call")
		}
		under = under || strings.Contains(r.Text(), "Section : "+first+"\n")
	}
	if !under {
		t.Errorf("no section was written under the new heading %q", first)
	}
}

func containsIndex(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// The keyphrase stays in 30–75 % of the subheadings whatever the model
// proposes: proposals that would move the share out are refused.
func TestLLMOutlineKeyphraseShare(t *testing.T) {
	t.Parallel()
	parts := []string{"Les failles de sécurité", "Les serveurs de messagerie", "Une relation tumultueuse",
		"Les mesures de précaution", "Les groupes de réflexion", "Les correctifs logiciels",
		"Les agences gouvernementales", "Les services de renseignement", "Le groupe de travail"}
	for _, tc := range []struct {
		name  string
		seeds []string
		key   bool // put the keyphrase in every proposal, else in none
	}{{"none", []string{"000", "001", "002"}, false}, {"all", []string{"003"}, true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sh, p, off := offline(t, tc.seeds...)
			propose := func(secs []promptSection) (string, []string) {
				var hs []string
				for i := range secs {
					h := parts[i%len(parts)]
					if tc.key {
						h = p.Keyphrase + " : " + strings.ToLower(h[:1]) + h[1:]
					}
					hs = append(hs, h)
				}
				return "", hs
			}
			c, _ := client(t, outlineRule(propose), llmtest.Rule{Respond: faithful})
			d := writeLLM(t, c, p, sh)
			s0, s := keyShare(off.Article, p.KeyWords), keyShare(d.Article, p.KeyWords)
			changed := 0
			for i, h := range h2(d.Article) {
				if h != h2(off.Article)[i] {
					changed++
				}
			}
			t.Logf("share %.2f → %.2f, %d headings changed", s0, s, changed)
			if s0 >= 0.30 && s0 <= 0.75 && (s < 0.30 || s > 0.75) {
				t.Errorf("keyphrase in %.0f %% of the subheadings (offline %.0f %%)", s*100, s0*100)
			}
			if changed == 0 {
				t.Error("every proposal refused: the share leaves room for some")
			}
			// The share had every proposal been taken.
			n, with := 0, 0
			for _, b := range off.Article.Blocks {
				if b.Kind == article.Heading && (b.Level == 2 || b.Level == 3) {
					n++
					named := b.Level == 2 && (b.Section == string(plan.Body) || b.Section == string(plan.Profile))
					if named && tc.key || !named && keyphrase.ContainsAll(b.Text, p.KeyWords) {
						with++
					}
				}
			}
			would := float64(with) / float64(n)
			t.Logf("all proposals taken: %.2f", would)
			if warned := strings.Contains(strings.Join(d.Warnings, "\n"), "30–75 %"); warned != (would < 0.30 || would > 0.75) {
				t.Errorf("share warning %v with %.2f had all been taken: %q", warned, would, d.Warnings)
			}
			if would >= 0.30 && would <= 0.75 {
				t.Errorf("the case does not test the share (%.2f had all been taken)", would)
			}
		})
	}
}

// The outline's JSON goes through the tolerant parser and one corrective
// retry; a server without structured output gets the schema in the
// prompt.
func TestLLMOutlineJSON(t *testing.T) {
	t.Parallel()
	for _, reject := range []bool{false, true} {
		t.Run(fmt.Sprint("reject response_format ", reject), func(t *testing.T) {
			t.Parallel()
			sh, p, off := offline(t, "004")
			valid := outlineRule(func(secs []promptSection) (string, []string) {
				var hs []string
				for i, s := range secs {
					h := []string{"Les failles de sécurité", "Les serveurs de messagerie", "Une relation tumultueuse", "Les mesures de précaution", "Les groupes de réflexion"}[i%5]
					if s.withKey {
						h = p.Keyphrase + " : " + strings.ToLower(h[:1]) + h[1:]
					}
					hs = append(hs, h)
				}
				return "", hs
			})
			n := 0
			broken := llmtest.Rule{Marker: outlineMarker, Respond: func(prompt string) llmtest.Reply {
				if n++; n == 1 {
					return llmtest.Reply{Content: `Voici le plan : {"title": "Storm-0558", "headings": [{"section": 1, "heading": "Les failles`}
				}
				r := valid.Respond(prompt)
				r.Content = "```json\n" + strings.Replace(r.Content, "]}", "],}", 1) + "\n```"
				return r
			}}
			srv := llmtest.New(t, llmtest.Script{Models: []string{"test-model"}, RejectResponseFormat: reject,
				Rules: []llmtest.Rule{broken, {Respond: faithful}}})
			c := newClient(t, srv)
			d := writeLLM(t, c, p, sh)
			if strings.Join(h2(d.Article), "|") == strings.Join(h2(off.Article), "|") {
				t.Errorf("no proposal applied after the corrective retry; warnings %q", d.Warnings)
			}
			var outline []llmtest.Request
			for _, r := range srv.Requests() {
				if strings.Contains(r.Text(), outlineMarker) {
					outline = append(outline, r)
				}
			}
			if len(outline) < 2 || !strings.Contains(outline[len(outline)-1].Text(), "n'est pas un JSON valide") {
				t.Fatalf("%d outline requests; the last one is not the corrective retry", len(outline))
			}
			if reject != strings.Contains(outline[len(outline)-1].Text(), "Schéma (plume_outline)") {
				t.Errorf("schema in the prompt: %v; want %v", !reject, reject)
			}
			if u := c.Usage(); u.Retries < 1 {
				t.Errorf("usage %+v: the corrective retry is not counted", u)
			}
		})
	}
}

// A server that fails the outline call leaves the offline headings, says
// so, and the sections are still written.
func TestLLMOutlineFails(t *testing.T) {
	t.Parallel()
	c, _ := client(t, llmtest.Rule{Marker: outlineMarker, Replies: []llmtest.Reply{{Status: 500}}}, llmtest.Rule{Respond: faithful})
	sh, p, off := offline(t, "004")
	d := writeLLM(t, c, p, sh)
	if strings.Join(h2(d.Article), "|") != strings.Join(h2(off.Article), "|") || d.Article.Title != off.Article.Title {
		t.Errorf("headings or title changed without an outline")
	}
	if !strings.Contains(strings.Join(d.Warnings, "\n"), "outline call failed") {
		t.Errorf("warnings %q", d.Warnings)
	}
	byLLM := 0
	for _, s := range d.Sections {
		if s.Writer == "llm" {
			byLLM++
		}
	}
	if byLLM == 0 {
		t.Error("no section written by the model")
	}
}

// A 700-word article with no failure takes at most 8 calls: the outline,
// then one call a prose section, in parallel.
func TestLLMCallBudget(t *testing.T) {
	t.Parallel()
	for _, seeds := range [][]string{{"000"}, {"001"}, {"002"}, {"003"}, {"004"}} {
		c, srv := client(t, llmtest.Rule{Respond: writertest.Model})
		sh, p, _ := offline(t, seeds...)
		d := writeLLM(t, c, p, sh)
		u := c.Usage()
		if u.Retries != 0 || write.Fallbacks(d) != 0 {
			t.Errorf("%v: a failure with a model that follows the prompt: %+v, warnings %q", seeds, u, d.Warnings)
		}
		if u.Calls > 8 || u.Calls != len(srv.Requests()) {
			t.Errorf("%v: %d calls (server saw %d); want ≤ 8", seeds, u.Calls, len(srv.Requests()))
		}
		if !strings.Contains(srv.Requests()[0].Text(), outlineMarker) {
			t.Errorf("%v: the first call is not the outline", seeds)
		}
	}
}

// The SEO fields are set again after the model's text is in, by the
// offline writer's rules: a title of the model's that is too long for an
// SEO title, or that lacks the keyphrase, still gives valid SEO fields.
func TestLLMMetaAfterModelTitle(t *testing.T) {
	t.Parallel()
	sh, p, off := offline(t, "004")
	long := p.Keyphrase + " : ce que l’on sait des pirates informatiques et des agences gouvernementales visées par leur campagne"
	for _, tc := range []struct {
		name, title string
		accepted    bool
	}{
		{"too long for an SEO title", long, true},
		{"without the keyphrase", "Ce que l’on sait des pirates informatiques et des agences gouvernementales visées", false},
		{"too long for a title", long + " et par les campagnes de cyberespionnage des pirates informatiques visant des agences", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := client(t, outlineRule(func([]promptSection) (string, []string) { return tc.title, nil }), llmtest.Rule{Respond: writertest.Model})
			d := writeLLM(t, c, p, sh)
			a := d.Article
			if got := a.Title == fixTypo(tc.title); got != tc.accepted {
				t.Errorf("title %q accepted %v; want %v (warnings %q)", a.Title, got, tc.accepted, d.Warnings)
			}
			if !tc.accepted && !strings.Contains(strings.Join(d.Warnings, "\n"), "llm: title") {
				t.Errorf("the refused title is not reported: %q", d.Warnings)
			}
			// 004's sources hold a sentence that makes a valid meta
			// description: every SEO field must be valid.
			if ps := write.MetaProblems(a, p.KeyWords); len(ps) > 0 {
				t.Errorf("SEO fields %q (offline %q): title %q, SEO title %q, description %q, slug %q",
					ps, write.MetaProblems(off.Article, p.KeyWords), a.Title, a.SEOTitle, a.MetaDescription, a.Slug)
			}
			// And as Yoast's rules rate them: the SEO title fits 600 px.
			rep, err := check.Analyze(a, check.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, ch := range rep.Checks {
				switch ch.ID {
				case "seo.title_width", "seo.title_keyphrase", "seo.meta_description_length", "seo.meta_description_keyphrase", "seo.slug_keyphrase":
					if ch.Rating != check.Good {
						t.Errorf("%s: %s", ch.ID, ch.Message)
					}
				}
			}
			if tc.accepted && a.SEOTitle == a.Title {
				t.Errorf("SEO title %q is the long title", a.SEOTitle)
			}
		})
	}
}

// MetaProblems says what is wrong with SEO fields.
func TestMetaProblems(t *testing.T) {
	t.Parallel()
	kw := []string{"Storm-0558"}
	good := &article.Article{Keyphrase: "Storm-0558", SEOTitle: "Storm-0558 : les pirates informatiques", Slug: "storm-0558",
		MetaDescription: "Storm-0558 a eu accès aux comptes de messagerie de plusieurs agences gouvernementales américaines, selon Microsoft, qui a révélé l’attaque en juillet."}
	if ps := write.MetaProblems(good, kw); len(ps) != 0 {
		t.Fatalf("valid fields refused: %q (%d characters)", ps, len([]rune(good.MetaDescription)))
	}
	for name, tc := range map[string]struct {
		edit func(a *article.Article)
		want string
	}{
		"long SEO title":    {func(a *article.Article) { a.SEOTitle += " et les agences gouvernementales visées" }, "SEO title: "},
		"SEO title no key":  {func(a *article.Article) { a.SEOTitle = "Les pirates informatiques" }, "SEO title: no keyphrase"},
		"short description": {func(a *article.Article) { a.MetaDescription = "Storm-0558 a frappé." }, "characters (121–156)"},
		"description no key": {func(a *article.Article) {
			a.MetaDescription = strings.Replace(a.MetaDescription, "Storm-0558", "Le groupe", 1)
		}, "no keyphrase"},
		"description twice": {func(a *article.Article) {
			a.MetaDescription = strings.Replace(a.MetaDescription, "Microsoft", "Storm-0558", 1)
		}, "2 times"},
		"description cut":    {func(a *article.Article) { a.MetaDescription = strings.TrimSuffix(a.MetaDescription, ".") + "…" }, "not a complete sentence"},
		"slug not keyphrase": {func(a *article.Article) { a.Slug = "pirates" }, "slug"},
	} {
		a := *good
		tc.edit(&a)
		if ps := strings.Join(write.MetaProblems(&a, kw), "\n"); !strings.Contains(ps, tc.want) {
			t.Errorf("%s: problems %q; want %q", name, ps, tc.want)
		}
	}
}

// Outline answers that do not fit — a wrong type, sections that do not
// exist, an answer cut off — change nothing and say so.
func TestLLMOutlineOddAnswers(t *testing.T) {
	t.Parallel()
	sh, p, off := offline(t, "004")
	for _, tc := range []struct {
		reply llmtest.Reply
		want  string
	}{
		{llmtest.Reply{Content: `{"title": 12, "headings": "none"}`}, "does not fit the schema"},
		{llmtest.Reply{Content: `{"title": "", "headings": [{"section": 99, "heading": "Les failles de sécurité"}, {"section": -1, "heading": "Les serveurs de messagerie"}]}`}, "the model proposed none"},
		{llmtest.Reply{Content: `{"title": "Storm-0558", "headings": [{"section": 1, "heading": "Les fai`, FinishReason: "length"}, "cut off"},
	} {
		c, _ := client(t, llmtest.Rule{Marker: outlineMarker, Replies: []llmtest.Reply{tc.reply}}, llmtest.Rule{Respond: writertest.Model})
		d := writeLLM(t, c, p, sh)
		if strings.Join(h2(d.Article), "|") != strings.Join(h2(off.Article), "|") || d.Article.Title != off.Article.Title {
			t.Errorf("%q changed the headings or the title", tc.reply.Content)
		}
		if !strings.Contains(strings.Join(d.Warnings, "\n"), tc.want) {
			t.Errorf("%q: warnings %q; want %q", tc.reply.Content, d.Warnings, tc.want)
		}
	}
}

// The sources cited at the end with their links are not prose for the
// model: the last section's call does not carry them and they stay as the
// offline writer made them.
func TestLLMKeepsSourceLinks(t *testing.T) {
	t.Parallel()
	sh0 := writertest.Sheet(t, []string{"004"})
	src := sh0.Sources[0]
	src.URL, src.Site = "https://example.org/storm-0558", "Exemple"
	sh := facts.Build([]facts.Source{src})
	p := plan.Build(sh, plan.Options{MinWords: 700})
	off, err := write.Extractive{}.Write(context.Background(), p, sh)
	if err != nil {
		t.Fatal(err)
	}
	last := off.Article.Blocks[len(off.Article.Blocks)-1]
	if len(last.Links) == 0 || !strings.HasPrefix(last.Text, "Source") {
		t.Fatalf("the offline draft does not end with its sources: %+v", last)
	}
	c, srv := client(t, llmtest.Rule{Respond: writertest.Model})
	d := writeLLM(t, c, p, sh)
	got := d.Article.Blocks[len(d.Article.Blocks)-1]
	if got.Text != last.Text || len(got.Links) != len(last.Links) || got.Links[0].URL != src.URL {
		t.Errorf("sources block %+v; want %+v", got, last)
	}
	for _, r := range srv.Requests() {
		if strings.Contains(r.Text(), src.URL) || strings.Contains(r.Text(), "<extrait>"+last.Text) {
			t.Errorf("the sources block went to the model:\n%.300s", r.Text())
		}
	}
	if n := strings.Count(d.Article.Blocks[len(d.Article.Blocks)-2].Text, "Source"); n > 0 {
		t.Errorf("the last section repeats the sources block")
	}
}

// inflight counts the requests a client has in flight, and the most.
type inflight struct {
	now, most atomic.Int32
}

func (f *inflight) RoundTrip(r *http.Request) (*http.Response, error) {
	n := f.now.Add(1)
	defer f.now.Add(-1)
	for m := f.most.Load(); n > m && !f.most.CompareAndSwap(m, n); m = f.most.Load() {
	}
	return http.DefaultTransport.RoundTrip(r)
}

// Writers that share Slots — the articles of a batch written at once —
// have no more calls in flight together than it has places.
func TestLLMSharedSlots(t *testing.T) {
	t.Parallel()
	slow := llmtest.Rule{Respond: func(prompt string) llmtest.Reply {
		r := writertest.Model(prompt)
		r.Delay = 20 * time.Millisecond
		return r
	}}
	srv := llmtest.New(t, llmtest.Script{Models: []string{"test-model"}, Rules: []llmtest.Rule{slow}})
	for _, tc := range []struct {
		slots chan struct{}
		most  int32 // the bound, or 0 for none
	}{{make(chan struct{}, 2), 2}, {nil, 0}} {
		count := &inflight{}
		var wg sync.WaitGroup
		for _, seeds := range [][]string{{"001"}, {"004"}} {
			sh, p, _ := offline(t, seeds...)
			c, err := llm.New(llm.Config{URL: srv.URL, Model: "test-model", MaxRetries: -1, HTTPClient: &http.Client{Transport: count}})
			if err != nil {
				t.Fatal(err)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := (&write.LLM{Client: c, Slots: tc.slots}).Write(context.Background(), p, sh); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		t.Logf("slots %d: at most %d calls in flight", cap(tc.slots), count.most.Load())
		if tc.most > 0 && count.most.Load() > tc.most {
			t.Errorf("%d calls in flight with %d slots", count.most.Load(), tc.most)
		}
		if tc.most == 0 && count.most.Load() <= 2 {
			t.Errorf("without shared slots, at most %d calls in flight: the test cannot tell", count.most.Load())
		}
	}
}

// FuzzLLMAnswers gives the writer any answer from the model, to the
// outline and to every section: the draft is always written, holds no
// fact the sources lack and no two equal headings.
func FuzzLLMAnswers(f *testing.F) {
	for _, s := range []string{
		"",
		"{}",
		`{"title": "Storm-0558 : 1 000 000 de victimes", "headings": [{"section": 1, "heading": "Storm-0558"}, {"section": 1, "heading": ""}]}`,
		`{"title": null, "headings": [{"section": 2, "heading": "L’essentiel"}, {"section": 3, "heading": "# Les pirates informatiques."}]}`,
		"```json\n{\"title\": \"x\",}\n```",
		"Storm-0558 a eu accès aux comptes de messagerie de 25 agences, selon « une source qui n’existe pas ».",
		"The hackers stole a key.",
		"\x00\xff«»",
	} {
		f.Add(s)
	}
	sh, p, _ := offline(f, "004")
	f.Fuzz(func(t *testing.T, answer string) {
		srv := llmtest.New(t, llmtest.Script{Models: []string{"test-model"}, Rules: []llmtest.Rule{{Replies: []llmtest.Reply{{Content: answer}}}}})
		c, err := llm.New(llm.Config{URL: srv.URL, Model: "test-model", MaxRetries: -1})
		if err != nil {
			t.Fatal(err)
		}
		d, err := (&write.LLM{Client: c}).Write(context.Background(), p, sh)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		seen := map[string]bool{}
		for _, b := range d.Article.Blocks {
			texts = append(texts, b.Text)
			if b.Kind == article.Heading {
				if k := strings.ToLower(b.Text); seen[k] {
					t.Errorf("two headings %q", b.Text)
				} else {
					seen[k] = true
				}
			}
		}
		texts = append(texts, d.Article.Title, d.Article.SEOTitle, d.Article.MetaDescription)
		if r := fidelity.Check(texts, sh); !r.OK() {
			t.Errorf("unsupported %+v, quotes altered %+v", r.Unsupported, r.QuotesAltered)
		}
	})
}

// When no sentence of the sources makes a meta description of 121–156
// characters (000's longest fits in 97, and here its title, which reads
// as a sentence, is taken away), a verified sentence of the model's text
// that does is used, and the warning goes.
func TestLLMMetaFromModelText(t *testing.T) {
	t.Parallel()
	sh := writertest.Sheet(t, []string{"000"})
	for i := range sh.Sources {
		sh.Sources[i].Title = ""
	}
	p := plan.Build(sh, plan.Options{MinWords: 700})
	off, err := write.Extractive{}.Write(context.Background(), p, sh)
	if err != nil {
		t.Fatal(err)
	}
	if len(write.MetaProblems(off.Article, p.KeyWords)) == 0 {
		t.Fatalf("000's offline meta description %q is valid: the test needs a story whose sources give none", off.Article.MetaDescription)
	}
	meta := "La Maison Blanche a refusé de commenter le nombre de victimes, environ 30 000 clients aux États-Unis et 250 000 dans le monde selon CNN."
	lead := llmtest.Rule{Marker: "doit figurer dans la première phrase", Replies: []llmtest.Reply{{
		Content: meta + " Ces chiffres devraient augmenter, a déclaré le responsable américain à CNN."}}}
	c, _ := client(t, lead, llmtest.Rule{Respond: writertest.Model})
	d := writeLLM(t, c, p, sh)
	if d.Lead == off.Lead {
		t.Fatalf("the model's lead was refused: %q", d.Warnings)
	}
	if a := d.Article; a.MetaDescription != fixTypo(meta) || len(write.MetaProblems(a, p.KeyWords)) > 0 {
		t.Errorf("meta description %q: %q", a.MetaDescription, write.MetaProblems(a, p.KeyWords))
	}
	if strings.Contains(strings.Join(d.Warnings, "\n"), "meta description:") {
		t.Errorf("the meta description warning stayed: %q", d.Warnings)
	}
}

// When no sentence of the sources fits 121–156 characters, a source title
// that reads as a sentence does, after the keyphrase (000: « Maison
// Blanche : l’administration Biden devrait former un groupe de travail… »);
// a title with a colon or without a verb is a label, not a description.
func TestMetaFromSourceTitle(t *testing.T) {
	t.Parallel()
	sh, p, off := offline(t, "000")
	a := off.Article
	title := strings.TrimSpace(sh.Sources[0].Title)
	if ps := write.MetaProblems(a, p.KeyWords); len(ps) > 0 || !strings.HasSuffix(a.MetaDescription, title[len(title)-10:]+".") {
		t.Errorf("meta description %q (%q); want the keyphrase and the title %q", a.MetaDescription, ps, title)
	}
	for _, label := range []string{
		"Piratage de Microsoft Exchange : ce que l’on sait de la réponse de Washington à la campagne de Pékin contre les serveurs",
		"Le piratage de Microsoft Exchange et la réponse de Washington à la campagne chinoise contre les serveurs en chiffres",
	} {
		sh.Sources[0].Title = label
		d, err := write.Extractive{}.Write(context.Background(), p, sh)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(d.Article.MetaDescription, "Washington à la campagne") {
			t.Errorf("a label became the meta description: %q", d.Article.MetaDescription)
		}
	}
}

// The lede says what the story is: when it fits after the keyphrase — whole
// or as the first sentence a grammar-safe cut makes of it — it is the meta
// description, before any later sentence that happens to fit (001's
// « Bien que Hafnium soit basé en Chine… » is a detail).
func TestMetaFromLede(t *testing.T) {
	t.Parallel()
	_, p, off := offline(t, "001")
	a := off.Article
	want := "les États-Unis ont exprimé leur inquiétude croissante concernant le piratage du programme de messagerie Microsoft Exchange."
	if ps := write.MetaProblems(a, p.KeyWords); len(ps) > 0 || !strings.HasSuffix(a.MetaDescription, want) {
		t.Errorf("meta description %q (%q); want the keyphrase and the lede's first sentence", a.MetaDescription, ps)
	}
}
