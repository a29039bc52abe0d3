package write

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/fr/entity"
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/rephrase"
	"github.com/plume-seo/plume/internal/typo"
)

// Extractive is the offline writer. It writes with the sources' own
// sentences, so it refuses a story with a source that is not in French:
// it cannot translate (the LLM writer can).
type Extractive struct {
	// skeleton is set when the LLM writer builds on the draft, whatever
	// the sources' language: it rewrites every part in French.
	skeleton bool
}

var _ Writer = Extractive{}

// The length, in words, above which the offline writer cuts a sentence at
// grammar-safe points: 22 by default, Yoast's 20 when the plan asks for
// short sentences (plan.Plan.ShortSentences), which also makes the
// context prefer a related story's sentences no longer than that.
const (
	defaultSplitAbove = 22
	shortSplitAbove   = 20
)

// Name implements Writer.
func (Extractive) Name() string { return "extractive" }

// writer holds the state of one article being written.
type writer struct {
	p        *plan.Plan
	sh       *facts.Sheet
	kform    string // the keyphrase as headings say it
	headings map[string]bool
	phrases  map[string]bool // noun phrases already used in headings
	used     map[int]bool    // sentences already printed
	attrib   int             // attribution verbs varied so far
	linked   int             // paragraphs opened with a connective
	memo     *sheetMemo      // what every pass over this sheet computes alike
	draft    *Draft
	art      *article.Article
}

// newWriter starts writing (or finishing) draft d of article a from plan p.
func newWriter(p *plan.Plan, sh *facts.Sheet, d *Draft, a *article.Article) *writer {
	m := memoOf(sh)
	// The plan's keyphrase as the sources write it (« projet de loi »), or
	// as the user gave it, is the form; else the words are joined the
	// French way (« piratage de Microsoft Exchange »).
	kform := keyphraseFormIn(p.KeyWords, m.story)
	if p.Keyphrase != strings.Join(p.KeyWords, " ") && keyphrase.ContainsAll(p.Keyphrase, p.KeyWords) {
		kform = p.Keyphrase
	}
	return &writer{
		p: p, sh: sh, kform: kform,
		headings: map[string]bool{}, phrases: map[string]bool{}, used: map[int]bool{}, memo: m,
		draft: d, art: a,
	}
}

// storyTexts are the titles and sentences of the story's own sources.
func storyTexts(sh *facts.Sheet) []string {
	var out []string
	for _, src := range sh.Sources {
		if !src.Related && src.Title != "" {
			out = append(out, src.Title)
		}
	}
	for _, s := range sh.Story() {
		out = append(out, s.Text)
	}
	return out
}

// foreign reports whether a source of the story is not in French: the
// draft is then only the LLM writer's skeleton (the offline writer alone
// refuses such a story, see package rewrite), and no French rephrasing
// applies to its sentences.
func (w *writer) foreign() bool { return len(w.sh.Foreign()) > 0 }

// Write implements Writer.
func (e Extractive) Write(ctx context.Context, p *plan.Plan, sh *facts.Sheet) (*Draft, error) {
	if len(p.Sections) == 0 {
		return nil, fmt.Errorf("write: the sources hold no article text")
	}
	if f := sh.Foreign(); len(f) > 0 && !e.skeleton {
		src := sh.Sources[f[0]]
		return nil, fmt.Errorf("write: %s is not in French (language: %s): %w", src.Name, src.Lang, ErrNotFrench)
	}
	w := newWriter(p, sh, &Draft{}, &article.Article{Keyphrase: p.Keyphrase, Lang: "fr"})
	if !p.KeyphraseGiven {
		// The keyphrase as the headings and the SEO title say it: the
		// checks match its content words, and the title then opens with
		// it exactly (« croissance du PIB », not « croissance PIB »).
		w.art.Keyphrase = w.kform
	}
	for _, s := range p.Sections {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		switch s.Kind {
		case plan.Lead:
			w.lead(s)
		case plan.Body:
			w.body(s)
		case plan.KeyPoints:
			w.keyPoints(s)
		case plan.Profile:
			w.profile(s)
		case plan.FAQ:
			w.faq(s)
		case plan.Context:
			w.context(s)
		}
	}
	w.balanceKeyphraseHeadings()
	w.meta()
	w.sources()
	Typeset(w.art)
	w.draft.Lead = typo.Fix(w.draft.Lead, typo.DefaultStyle())
	for i := range w.draft.Sections {
		w.draft.Sections[i].Heading = typo.Fix(w.draft.Sections[i].Heading, typo.DefaultStyle())
	}
	w.draft.Article = w.art
	return w.draft, nil
}

// balanceKeyphraseHeadings puts the keyphrase in more H2 headings when
// fewer than 30 % of the H2 and H3 carry it (an FAQ's questions count as
// H3), the share Yoast asks for.
func (w *writer) balanceKeyphraseHeadings() {
	if len(w.p.KeyWords) == 0 {
		return
	}
	var total, with int
	for _, b := range w.art.Blocks {
		if b.Kind == article.Heading && (b.Level == 2 || b.Level == 3) {
			total++
			if keyphrase.ContainsAll(b.Text, w.p.KeyWords) {
				with++
			}
		}
	}
	for i := range w.art.Blocks {
		if total == 0 || float64(with)/float64(total) >= 0.34 {
			return
		}
		b := &w.art.Blocks[i]
		// A heading that already has a colon (« Dans le même contexte :
		// … ») would read « K : Dans le même contexte : … ».
		if b.Kind != article.Heading || b.Level != 2 || keyphrase.ContainsAll(b.Text, w.p.KeyWords) || strings.Contains(b.Text, ":") {
			continue
		}
		old := b.Text
		b.Text = w.unique(capitalize(w.kform) + nbsp + ": " + lowerFirst(old))
		w.headings[strings.ToLower(b.Text)] = true
		for j := range w.draft.Sections {
			if w.draft.Sections[j].Heading == old {
				w.draft.Sections[j].Heading = b.Text
			}
		}
		with++
	}
}

// Typeset applies French typography to every text of an article: « »
// with no-break spaces, no-break spaces before : ; ! ?, the typographic
// apostrophe, grouped numbers. It changes no letter or digit.
func Typeset(a *article.Article) {
	st := typo.DefaultStyle()
	a.Title = typo.Fix(a.Title, st)
	a.SEOTitle = typo.Fix(a.SEOTitle, st)
	a.MetaDescription = typo.Fix(a.MetaDescription, st)
	for i := range a.Blocks {
		b := &a.Blocks[i]
		b.Text = typo.Fix(b.Text, st)
		for j := range b.Items {
			b.Items[j] = typo.Fix(b.Items[j], st)
		}
		for j := range b.Links {
			b.Links[j].Text = typo.Fix(b.Links[j].Text, st)
		}
	}
	for i := range a.FAQ {
		a.FAQ[i].Question = typo.Fix(a.FAQ[i].Question, st)
		a.FAQ[i].Answer = typo.Fix(a.FAQ[i].Answer, st)
	}
}

// sentences returns the section's sentences made readable: datelines
// stripped, long sentences split at safe points, transitions added where
// the relation is clear, attribution verbs varied.
func (w *writer) sentences(ids []int) []string {
	var out []string
	for _, id := range ids {
		if w.used[id] {
			continue
		}
		w.used[id] = true
		s := w.sh.Sentences[id].Text
		if t, ok := rephrase.StripDateline(s); ok {
			s = t
		}
		if w.foreign() {
			// French rephrasing would garble a sentence in another
			// language: it goes as it is, for the LLM writer to translate.
			out = append(out, s)
			continue
		}
		out = append(out, w.cut(s)...)
	}
	for i := range out {
		if w.foreign() {
			break
		}
		if strings.Contains(out[i], "a déclaré") {
			w.attrib++
			if w.attrib%2 == 0 {
				if t, ok := rephrase.VaryAttribution(out[i], w.attrib); ok {
					out[i] = t
				}
			}
		}
		if i > 0 && !rephrase.IsTransition(out[i]) {
			if t, ok := rephrase.Connect(out[i-1], out[i]); ok && !lengthens(out[i], t) {
				out[i] = t
			}
		}
	}
	return out
}

// splitAbove is the length above which a sentence is cut.
func (w *writer) splitAbove() int {
	if w.p.ShortSentences {
		return shortSplitAbove
	}
	return defaultSplitAbove
}

// cut splits a long sentence at grammar-safe points (rephrase.SplitLong)
// into pieces of at most splitAbove words where it can.
func (w *writer) cut(s string) []string {
	limit := w.splitAbove()
	if token.CountAlnumWords(s) <= limit {
		return []string{s}
	}
	return slices.Clone(w.memo.splitLong(s, limit))
}

// paragraphs turns planned sentences into blocks: the sentences of one
// source paragraph stay in one paragraph of at most ~120 words, and the
// items of a source list stay a list.
func (w *writer) paragraphs(ids []int) []article.Block {
	var out []article.Block
	var cur []int
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if w.sh.Sentences[cur[0]].Item {
			var items []string
			for _, id := range cur {
				if !w.used[id] {
					w.used[id] = true
					items = append(items, w.sh.Sentences[id].Text)
				}
			}
			if len(items) > 0 {
				out = append(out, article.Block{Kind: article.List, Items: items, Text: strings.Join(items, "\n")})
			}
		} else if ss := w.sentences(cur); len(ss) > 0 {
			out = append(out, article.Block{Kind: article.Paragraph, Text: strings.Join(ss, " ")})
		}
		cur = nil
	}
	words := 0
	for _, id := range ids {
		s := w.sh.Sentences[id]
		if len(cur) > 0 {
			prev := w.sh.Sentences[cur[len(cur)-1]]
			if prev.Source != s.Source || prev.Block != s.Block || prev.Item != s.Item || !s.Item && words+s.Words > 120 {
				flush()
				words = 0
			}
		}
		cur = append(cur, id)
		words += s.Words
	}
	flush()
	return out
}

func (w *writer) addHeading(text string, kind plan.Kind, level int) {
	w.headings[strings.ToLower(text)] = true
	w.art.Blocks = append(w.art.Blocks, article.Block{Kind: article.Heading, Level: level, Text: text, Section: string(kind)})
	w.draft.Sections = append(w.draft.Sections, SectionInfo{Heading: text, Level: level, Kind: kind, Writer: "extractive"})
}

func (w *writer) addBlocks(blocks []article.Block) {
	w.art.Blocks = append(w.art.Blocks, blocks...)
}

func (w *writer) lead(s plan.Section) {
	paras := w.sentences(s.Sentences)
	lead := strings.Join(paras, " ")
	w.draft.Lead = lead
	w.art.Blocks = append(w.art.Blocks, article.Block{Kind: article.Paragraph, Text: lead})
}

func (w *writer) body(s plan.Section) {
	paras := w.paragraphs(s.Sentences)
	if len(paras) == 0 {
		return
	}
	w.addHeading(w.bodyHeading(s), plan.Body, 2)
	w.linkParagraphs(paras)
	w.addBlocks(paras)
}

// additives are the connectives of addition that open a paragraph adding a
// point to the one before it, in turn.
var additives = []string{"Par ailleurs, ", "En outre, ", "De plus, "}

// linkParagraphs opens a section's later paragraphs with a connective of
// addition when the paragraph starts plainly with its subject — a
// determiner or a name — and carries no transition yet: within a section,
// a new paragraph adds to the previous one, and saying so helps the reader
// (and the share of sentences with a transition word).
func (w *writer) linkParagraphs(blocks []article.Block) {
	for i := 1; i < len(blocks) && !w.foreign(); i++ {
		b := &blocks[i]
		if b.Kind != article.Paragraph || blocks[i-1].Kind != article.Paragraph || !plainStart(b.Text) || rephrase.IsTransition(b.Text) {
			continue
		}
		t := additives[w.linked%len(additives)] + lowerFirst(b.Text)
		if lengthens(b.Text, t) {
			continue
		}
		b.Text = t
		w.linked++
	}
}

// lengthens reports whether t, a text s opened with a connective, has a
// first sentence longer than Yoast's 20 words where s had one no longer:
// a transition word is not worth a long sentence.
func lengthens(s, t string) bool {
	return firstSentenceWords(t) > shortSplitAbove && firstSentenceWords(s) <= shortSplitAbove
}

// firstSentenceWords counts the words of a text's first sentence.
func firstSentenceWords(text string) int {
	if sp := token.Sentences(text); len(sp) > 0 {
		text = sp[0].Text
	}
	return token.CountAlnumWords(text)
}

// opensWithConnective reports whether a sentence opens with a connective
// set off by a comma (« Cependant, », « Par ailleurs, »): two in a row read
// badly.
func opensWithConnective(s string) bool {
	head, _, ok := strings.Cut(s, ",")
	return ok && len(strings.Fields(head)) <= 3 && rephrase.IsTransition(head)
}

// plainStart reports whether a text of four words or more opens plainly
// with its subject: a determiner or a name.
func plainStart(text string) bool {
	first := strings.Fields(text)
	if len(first) < 4 {
		return false
	}
	w0 := first[0]
	lw := strings.ToLower(w0)
	return lw == "le" || lw == "la" || lw == "les" || lw == "un" || lw == "une" || lw == "des" ||
		strings.HasPrefix(lw, "l’") || strings.HasPrefix(lw, "l'") || isNameWord(w0)
}

// bodyHeading names a body section after its most salient noun phrase —
// frequent in the section, rare elsewhere — with the keyphrase in front
// when the plan asks for it. A source's own subheading is kept when no
// keyphrase is needed.
func (w *writer) bodyHeading(s plan.Section) string {
	if s.SourceHeading != "" && !s.WithKeyphrase && !w.headings[strings.ToLower(s.SourceHeading)] {
		return strings.TrimRight(strings.TrimSuffix(s.SourceHeading, "?"), " ") + func() string {
			if strings.HasSuffix(s.SourceHeading, "?") {
				return nbsp + "?"
			}
			return ""
		}()
	}
	np := w.salientPhrase(s.Sentences)
	switch {
	case np == "" && s.WithKeyphrase:
		return w.unique(capitalize(w.kform))
	case np == "":
		return w.unique("Les autres éléments de l’enquête")
	case s.WithKeyphrase && !keyphrase.ContainsAll(np, w.p.KeyWords):
		return w.unique(capitalize(w.kform) + nbsp + ": " + np)
	}
	return w.unique(capitalize(np))
}

// unique makes a heading differ from the ones before it.
func (w *writer) unique(h string) string {
	if !w.headings[strings.ToLower(h)] {
		return h
	}
	for i := 2; ; i++ {
		c := fmt.Sprintf("%s (%d)", h, i)
		if !w.headings[strings.ToLower(c)] {
			return c
		}
	}
}

// partHeads are the nouns of a part: in « l’ensemble du secteur de la
// cybersécurité », « l’exemple des personnes », the topic is the
// complement. A quantity (« les milliers de systèmes informatiques ») says
// more than its complement and stays.
var partHeads = map[string]bool{"ensemble": true, "exemple": true, "partie": true, "moitié": true, "reste": true,
	"majorité": true, "plupart": true, "totalité": true}

// partitiveComplement returns the complement of a phrase headed by a part
// (« ensemble du secteur de la cybersécurité » → « secteur de la
// cybersécurité »), else the phrase itself.
func partitiveComplement(p chunk.Phrase) chunk.Phrase {
	if p.Kind != chunk.Common || !partHeads[strings.ToLower(p.Head)] || !strings.HasPrefix(strings.ToLower(p.Text), strings.ToLower(p.Head)) {
		return p
	}
	rest := p.Text[len(p.Head):]
	for _, c := range []string{" de la ", " de l’", " de l'", " du ", " des ", " d’", " d'", " de "} {
		if r, ok := strings.CutPrefix(rest, c); ok && r != "" {
			q := p
			q.Text = r
			q.Start = p.Start + len(p.Text) - len(r)
			q.Head = strings.Fields(r)[0]
			q.HeadLemma = strings.ToLower(q.Head)
			return q
		}
	}
	return p
}

// salientPhrase picks the section's noun phrase with the best
// frequency-in-section over frequency-in-story ratio, not yet used in a
// heading, and returns it with its determiner.
func (w *writer) salientPhrase(ids []int) string {
	type cand struct {
		p     chunk.Phrase
		n     int
		score float64
	}
	in := map[string]*cand{}
	first := map[string]bool{} // phrases of the section's first sentence
	for i, id := range ids {
		text := w.sh.Sentences[id].Text
		speaker := strings.ToLower(w.sh.Sentences[id].Speaker)
		deny := w.memo.denialAt(id, text) // once a sentence, not once a phrase
		for _, p := range w.memo.phrases(id, text) {
			p = partitiveComplement(p)
			words := strings.Fields(p.Text)
			if len(words) < 2 && p.Kind == chunk.Common || len(p.Text) > 45 || len(words) > 6 || quoted(text, p.Start) {
				continue
			}
			k := strings.ToLower(p.Text)
			if w.phrases[k] || keyphrase.ContainsAll(p.Text, w.p.KeyWords) || !agrees(p) || w.namesSomeone(p) || inLocution(text, p) ||
				deny >= 0 && p.Start > deny || strings.Contains(speaker, k) {
				continue
			}
			c := in[k]
			if c == nil {
				c = &cand{p: p}
				in[k] = c
			}
			c.n++
			if i == 0 {
				first[k] = true
			}
		}
	}
	var cands []*cand
	for k, c := range in {
		total := 0
		for _, low := range w.memo.lower {
			if strings.Contains(low, k) {
				total++
			}
		}
		c.score = float64(c.n) / float64(1+total) * float64(len(strings.Fields(c.p.Text))+1)
		if c.p.Kind != chunk.Common {
			c.score *= 0.8
		}
		if first[k] {
			c.score *= 1.5 // a paragraph's first sentence states its topic
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return ""
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].p.Text < cands[j].p.Text
	})
	best := cands[0].p
	w.phrases[strings.ToLower(best.Text)] = true
	return withDeterminer(best)
}

// namesSomeone reports whether a noun phrase only stands for an actor the
// story names — a person's title (« l’attachée de presse » of Jen Psaki),
// a company's periphrasis (« le géant du logiciel ») — or for a moment
// (« le début de semaine »). A heading made of it says who or when, not
// what the section is about.
func (w *writer) namesSomeone(p chunk.Phrase) bool {
	if p.Kind != chunk.Common {
		return false
	}
	if facts.AnaphoricHeads[strings.ToLower(p.Head)] || lexicon.IsTimeNoun(strings.ToLower(p.Head)) {
		return true
	}
	low := strings.ToLower(p.Text)
	for _, e := range w.sh.Entities {
		for _, t := range e.Titles {
			if strings.Contains(strings.ToLower(t), low) {
				return true
			}
		}
	}
	return false
}

// inLocution reports whether a noun phrase without a determiner follows
// a light verb, as in « fait partie des personnes touchées », « a eu
// lieu », « prend part à », or « en », as in « en matière de », « en
// raison de »: the noun belongs to the locution and names no topic.
func inLocution(text string, p chunk.Phrase) bool {
	before := strings.Fields(text[:min(p.Start, len(text))])
	if len(before) == 0 || p.Kind != chunk.Common {
		return false
	}
	prev := strings.ToLower(strings.Trim(before[len(before)-1], ",;:«»"))
	// « en matière de », « en raison de », « en cas de »: « en » and a bare
	// noun make a preposition; the noun names nothing.
	if prev == "en" && !startsWithDeterminer(p.Text) {
		return true
	}
	for _, a := range lexicon.Default().LookupFold(prev) {
		if (a.POS == lexicon.Verb || a.POS == lexicon.Aux) && lightVerbs[a.Lemma] {
			return true
		}
	}
	return false
}

// startsWithDeterminer reports whether a phrase opens with an article, a
// demonstrative or a possessive.
func startsWithDeterminer(phrase string) bool {
	first := strings.ToLower(strings.Fields(phrase + " x")[0])
	if strings.HasPrefix(first, "l’") || strings.HasPrefix(first, "l'") {
		return true
	}
	for _, a := range lexicon.Default().LookupFold(first) {
		if a.POS == lexicon.Det {
			return true
		}
	}
	return false
}

// denied reports whether a noun phrase follows a verb of denial in its
// sentence (« l’ambassade a nié être à l’origine de campagnes de
// piratage »): as a heading it would assert what the sentence denies.
func denied(text string, p chunk.Phrase) bool {
	at := denialAt(text)
	return at >= 0 && p.Start > at
}

// denialAt returns the byte offset of the first verb of denial in text,
// or -1.
func denialAt(text string) int {
	for _, t := range token.Tokenize(text) {
		if !t.Kind.IsWord() {
			continue
		}
		for _, a := range lexicon.Default().LookupFold(t.Text) {
			if a.POS == lexicon.Verb && denialVerbs[a.Lemma] {
				return t.Start
			}
		}
	}
	return -1
}

var denialVerbs = map[string]bool{"nier": true, "démentir": true, "contester": true, "réfuter": true}

// lightVerbs make locutions with a bare noun (« faire partie », « avoir
// lieu », « prendre part », « tenir compte », « mettre fin »).
var lightVerbs = map[string]bool{"faire": true, "avoir": true, "prendre": true, "tenir": true,
	"mettre": true, "rendre": true, "donner": true, "porter": true}

// quoted reports whether byte offset at of s lies inside a quotation
// (« … » or “ … ”): a heading made of someone's words would put them in
// the newsroom's mouth (« la menace efficace »).
func quoted(s string, at int) bool {
	depth := 0
	for _, r := range s[:min(at, len(s))] {
		switch r {
		case '«', '“':
			depth++
		case '»', '”':
			depth = max(0, depth-1)
		}
	}
	return depth > 0
}

// keyPoints writes « L'essentiel »: one line per figure, the figure with
// the noun phrase it counts and who states it.
func (w *writer) keyPoints(s plan.Section) {
	var items []string
	seen := map[string]bool{}
	for _, id := range s.Sentences {
		sent := w.sh.Sentences[id]
		if len(sent.Figures) == 0 {
			continue
		}
		// One line a figure and source: « au moins 30 000 » from three
		// outlets is said once, by the one who states it.
		key := sent.Figures[0].Key() + "|" + facts.ShortName(sent.Speaker)
		if seen[key] || sent.Speaker == "" && seen[sent.Figures[0].Key()] {
			continue
		}
		if item := keyPoint(sent); item != "" {
			seen[key], seen[sent.Figures[0].Key()] = true, true
			items = append(items, item)
		}
	}
	if len(items) < 3 {
		return
	}
	h := "L’essentiel"
	if s.WithKeyphrase {
		h = capitalize(w.kform) + nbsp + ": l’essentiel"
	}
	w.addHeading(w.unique(h), plan.KeyPoints, 2)
	w.art.Blocks = append(w.art.Blocks, article.Block{Kind: article.List, Items: items, Text: strings.Join(items, "\n")})
}

// keyPoint compresses a sentence to its figure and what it counts: "Plus
// de 20 000 organisations aux États-Unis infiltrées, selon Reuters". The
// words are the sentence's own, in its order; only the verb is left out.
func keyPoint(s facts.Sentence) string {
	if len(s.Figures) == 0 {
		return ""
	}
	f := s.Figures[0]
	toks := token.Tokenize(s.Text)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	tags := pos.Default().Tag(words)
	start := -1
	for i, t := range toks {
		if t.Start >= f.Start {
			start = i
			break
		}
	}
	if start < 0 {
		return ""
	}
	end := start
	for end < len(toks) && toks[end].End <= f.End {
		end++
	}
	// The noun phrase after the figure: nouns, adjectives, names and
	// their prepositions, up to the verb.
	for end < len(toks) {
		t := tags[end]
		if t == "NOUN" || t == "ADJ" || t == "PROPN" || t == "ADP" || t == "DET" || t == "ADP+DET" || t == "NUM" {
			end++
			continue
		}
		break
	}
	// A passive participle keeps the state: "sont infiltrées" → "infiltrées".
	if end+1 < len(toks) && tags[end] == "AUX" && tags[end+1] == "VERB" && strings.HasSuffix(strings.ToLower(words[end+1]), "es") || end+1 < len(toks) && tags[end] == "AUX" && tags[end+1] == "VERB" && strings.HasSuffix(words[end+1], "é") {
		words[end] = ""
		end += 2
	}
	for end > start && (tags[end-1] == "ADP" || tags[end-1] == "DET" || tags[end-1] == "ADP+DET") {
		end--
	}
	if end-start < 2 {
		return ""
	}
	var b strings.Builder
	for i := start; i < end; i++ {
		if words[i] == "" {
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "’") && !strings.HasSuffix(b.String(), "'") {
			b.WriteByte(' ')
		}
		b.WriteString(words[i])
	}
	item := capitalize(b.String())
	if s.Speaker != "" {
		item += ", selon " + lowerFirst(facts.ShortName(s.Speaker))
	}
	return item
}

func (w *writer) profile(s plan.Section) {
	paras := w.paragraphs(s.Sentences)
	if len(paras) == 0 {
		return
	}
	w.addHeading(w.unique(question("Qui est "+s.Subject)), plan.Profile, 2)
	w.addBlocks(paras)
}

// « », a-t-elle ajouté. » — a speech verb with an inverted pronoun.
var inversion = regexp.MustCompile(`,\s*(a|avait)-t-(il|elle)\s+(\p{L}+)\.?$`)

// « …, ce que nie Pékin. » names the one who denies after the verb.
var denierAfter = regexp.MustCompile(`ce que (?:nie|nient|dément|démentent|conteste|contestent) ((?:[\p{Lu}][\p{L}’'-]*)(?: [\p{Lu}][\p{L}’'-]*)*)`)

// speakerForQuestion names a speaker in a question: a name as is (« Jen
// Psaki »), a short descriptive phrase in lower case (« un responsable de
// la Maison Blanche »), nothing for a pronoun or a long phrase.
func speakerForQuestion(sp string) string {
	sp = strings.TrimSpace(sp)
	if strings.Contains(sp, ", ") {
		if name := facts.ShortName(sp); name != sp && isNameWord(strings.Fields(name)[0]) {
			return name // « la porte-parole de la Maison Blanche, Jennifer Psaki »
		}
	}
	words := strings.Fields(sp)
	if len(words) == 0 || len(words) > 8 {
		return ""
	}
	if stripElision(words[0]) != words[0] {
		return lowerFirst(sp) // « L’ambassade de Chine »
	}
	if isNameWord(words[0]) {
		return sp
	}
	switch strings.ToLower(words[0]) {
	case "un", "une", "le", "la", "les", "l’", "des":
		return lowerFirst(sp)
	}
	if strings.HasPrefix(strings.ToLower(words[0]), "l’") || strings.HasPrefix(strings.ToLower(words[0]), "l'") {
		return lowerFirst(sp)
	}
	return ""
}

// fullName gives a speaker called by surname alone (« Sullivan ») the
// full name the sources introduce (« Jake Sullivan »): a question of the
// FAQ is read on its own.
func (w *writer) fullName(sp string) string {
	if strings.ContainsAny(sp, " \u00a0") || sp == "" {
		return sp
	}
	for _, e := range w.sh.Entities {
		if e.Type == entity.Person && strings.HasSuffix(e.Canonical, " "+sp) {
			return e.Canonical
		}
	}
	return sp
}

var subjectBefore = regexp.MustCompile(`^(.{2,40}?)\s+(?:a |ont |avait )?(?:nie|nient|démenti|dément|rejette|rejeté|qualifié|a qualifié|déjà riposté)`)

// faq writes the questions a reader asks, each answered by the sentence
// of the sources that answers it, reframed so that it does not repeat the
// body word for word.
func (w *writer) faq(s plan.Section) {
	var qas []article.QA
	for _, id := range s.Sentences {
		sent := w.sh.Sentences[id]
		sent.Speaker = w.fullName(sent.Speaker)
		q := faqQuestion(sent)
		if q == "" || w.headings[strings.ToLower(q)] {
			continue
		}
		answer := sent.Text
		if t, ok := rephrase.StripDateline(answer); ok {
			answer = t
		}
		// Out of its paragraph, « a-t-elle ajouté » needs its speaker
		// named: « …, a ajouté Jennifer Psaki. »
		if m := inversion.FindStringSubmatchIndex(answer); m != nil && sent.Speaker != "" {
			name := facts.ShortName(sent.Speaker)
			aux, verb := answer[m[2]:m[3]], answer[m[6]:m[7]]
			qas = append(qas, article.QA{Question: q, Answer: answer[:m[0]] + ", " + aux + " " + verb + " " + name + "."})
			w.used[id] = true
			w.headings[strings.ToLower(q)] = true
			continue
		}
		if t, ok := rephrase.Reframe(answer, rephrase.StyleSelon); ok {
			answer = t
		} else if t, ok := rephrase.Reframe(answer, rephrase.StyleReported); ok {
			answer = t
		}
		w.used[id] = true
		w.headings[strings.ToLower(q)] = true
		qas = append(qas, article.QA{Question: q, Answer: answer})
	}
	for _, name := range s.People {
		q := question("Qui est " + name)
		if w.headings[strings.ToLower(q)] {
			continue
		}
		if a := w.whoIs(name); a != "" {
			w.headings[strings.ToLower(q)] = true
			qas = append(qas, article.QA{Question: q, Answer: a})
		}
	}
	if len(qas) < 3 {
		// Too few questions for an FAQ: the planned sentences still belong
		// to the article, as a section of their own.
		var rest []int
		for _, id := range s.Sentences {
			rest = append(rest, id)
			w.used[id] = false
		}
		w.body(plan.Section{Kind: plan.Body, Sentences: rest})
		return
	}
	h := "Questions fréquentes"
	if s.WithKeyphrase {
		h = capitalize(w.kform) + nbsp + ": vos questions"
	}
	w.addHeading(w.unique(h), plan.FAQ, 2)
	for _, qa := range qas {
		w.art.Blocks = append(w.art.Blocks,
			article.Block{Kind: article.Heading, Level: 3, Text: qa.Question, Section: string(plan.FAQ)},
			article.Block{Kind: article.Paragraph, Text: qa.Answer})
	}
	w.art.FAQ = qas
}

// whoIs answers « Qui est X ? » with the title the sources give X in
// apposition (« L’attachée de presse de la Maison Blanche, Jen Psaki »):
// « Jen Psaki est l’attachée de presse de la Maison Blanche. »
func (w *writer) whoIs(name string) string {
	for _, e := range w.sh.Entities {
		if e.Canonical != name || len(e.Titles) == 0 {
			continue
		}
		title := strings.TrimSpace(e.Titles[0])
		words := strings.Fields(title)
		if len(words) == 0 || len(words) > 10 || !apposition(w.sh, title, e.Variants) {
			return ""
		}
		det := sourceDeterminer(w.sh, title)
		if det == "" {
			det = withDeterminer(chunk.Phrase{Text: title, Head: stripElision(words[0]), Kind: chunk.Common})
		}
		return name + " est " + det + "."
	}
	return ""
}

// sourceDeterminer returns the title with the article the sources put
// before it (« la porte-parole », whose gender the noun alone does not
// tell), or "" when no source writes one.
func sourceDeterminer(sh *facts.Sheet, title string) string {
	lt := strings.ToLower(title)
	for _, s := range sh.Sentences {
		t := strings.ToLower(s.Text)
		i := strings.Index(t, lt)
		if i <= 0 {
			continue
		}
		before := strings.TrimRight(t[:i], " ")
		for _, det := range []string{"la", "le", "les"} {
			if strings.HasSuffix(before, " "+det) || before == det {
				return det + " " + title
			}
		}
		if strings.HasSuffix(t[:i], "l’") || strings.HasSuffix(t[:i], "l'") {
			return "l’" + title
		}
	}
	return ""
}

// apposition reports whether a sentence sets the title beside the name as
// a whole apposition (« L’attachée de presse de la Maison Blanche, Jen
// Psaki, » or « Jen Psaki, attachée de presse, »): only then is the title
// known to be complete.
func apposition(sh *facts.Sheet, title string, names []string) bool {
	lt := strings.ToLower(title)
	for _, s := range sh.Sentences {
		t := strings.ToLower(s.Text)
		for _, n := range names {
			n = strings.ToLower(n)
			if strings.Contains(t, lt+", "+n) || strings.Contains(t, lt+" "+n) {
				return true
			}
			if i := strings.Index(t, n+", "+lt); i >= 0 {
				rest := t[i+len(n)+2+len(lt):]
				if rest == "" || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ".") {
					return true
				}
			}
		}
	}
	return false
}

// faqQuestion asks the question a sentence answers, by pattern:
// how many (a figure with its noun), what did X say (a quotation), what
// does X answer (a denial).
func faqQuestion(s facts.Sentence) string {
	for _, f := range s.Figures {
		if f.Noun != "" && !f.Vague {
			// « Combien de X sont concernés ? » reads as a passive
			// sentence; the participle as an adjective does not.
			return question("Quel est le nombre " + de(f.Noun) + " " + agree("concerné", f.Noun))
		}
	}
	if len(s.Quotes) > 0 && s.Speaker != "" {
		if who := speakerForQuestion(s.Speaker); who != "" {
			return question("Qu’a déclaré " + who)
		}
	}
	if m := denierAfter.FindStringSubmatch(s.Text); m != nil {
		return question("Que répond " + m[1])
	}
	if m := subjectBefore.FindStringSubmatch(s.Text); m != nil {
		subj := strings.TrimSpace(m[1])
		if len(strings.Fields(subj)) <= 4 {
			return question("Que répond " + lowerFirst(subj))
		}
	}
	return ""
}

// Words of a related story in a context section: its lede's first
// sentences, at least contextWords, more when the plan's budget asks for
// it (the story's own sources are short), at most maxContextWords.
const (
	contextWords    = 70
	maxContextWords = 180
)

// context writes what related stories of the corpus say: one short
// section for each, its first sentences (quotations left to the story
// itself) and a link to it.
func (w *writer) context(s plan.Section) {
	limit := contextWords
	if len(s.Related) > 0 {
		limit = max(contextWords, min(maxContextWords, s.Budget/len(s.Related)))
	}
	if w.p.ShortSentences {
		// Short sentences only past the lede: a related story gives
		// fewer words, so each may give up to the most.
		limit = maxContextWords
	}
	for i, src := range s.Related {
		var lead []string
		var ids []int
		words, skipped := 0, -2
		var newPara []int // pieces that open a paragraph of the story
		for _, sent := range w.sh.Sentences {
			if sent.Source != src || words >= limit {
				continue
			}
			if w.memo.unpublishable(sent) || strings.HasPrefix(sent.Text, "«") || strings.HasPrefix(sent.Text, "“") ||
				strings.HasPrefix(sent.Text, "\"") || len(sent.Quotes) > 0 && sent.Words > 30 || sent.ByPronoun {
				skipped = sent.ID
				continue
			}
			t := sent.Text
			if d, ok := rephrase.StripDateline(t); ok {
				t = d
			}
			pieces := w.cut(t)
			// Past the story's lede, a sentence in the passive voice
			// (while the article has too many, or whenever the plan avoids
			// the passive voice) or, when the plan asks for
			// short sentences, one still long once cut leaves its place to
			// the next one. The sentence after one
			// left out must stand on its own: no pronoun, demonstrative
			// or connective pointing back, a subject that names who it is
			// (« La société a déclaré… » after a sentence left out would
			// lose its speaker), and a word in common with the story's
			// lede (not the background of another event).
			// Beyond contextWords, where the plan asks for more words
			// than a short section, only short sentences join.
			if len(lead) > 0 && (skipped == sent.ID-1 && (!selfContained(t) || !sharesTopic(lead[0], t)) ||
				w.p.AvoidPassive && w.looksPassive(sent.Text) || w.tooPassive(lead, sent.Text) ||
				(w.p.ShortSentences || words >= contextWords) && w.stillLong(pieces)) {
				skipped = sent.ID
				continue
			}
			if len(ids) > 0 && w.sh.Sentences[ids[len(ids)-1]].Block != sent.Block {
				newPara = append(newPara, len(lead))
			}
			lead = append(lead, pieces...)
			ids = append(ids, sent.ID)
			words += sent.Words
		}
		if len(lead) == 0 {
			continue
		}
		for j := 1; j < len(lead); j++ {
			if !rephrase.IsTransition(lead[j]) && !opensWithConnective(lead[j-1]) && (j+1 == len(lead) || !opensWithConnective(lead[j+1])) {
				if t, ok := rephrase.Connect(lead[j-1], lead[j]); ok {
					lead[j] = t
				}
			}
		}
		// The story's paragraphs run together here: the first that opens
		// plainly is linked to what comes before it as linkParagraphs
		// links a section's paragraphs (once: a string of connectives
		// reads badly), unless the connective would make it a long
		// sentence.
		for _, j := range newPara {
			t := additives[w.linked%len(additives)] + lowerFirst(lead[j])
			if plainStart(lead[j]) && !rephrase.IsTransition(lead[j]) && !lengthens(lead[j], t) &&
				!opensWithConnective(lead[j-1]) && (j+1 == len(lead) || !opensWithConnective(lead[j+1])) {
				lead[j] = t
				w.linked++
				break
			}
		}
		source := w.sh.Sources[src]
		b := article.Block{Kind: article.Paragraph, Text: strings.Join(lead, " ")}
		if title := relatedTitle(source, lead); title != "" {
			b.Text += " Lire aussi : " + title + "."
			b.Links = []article.Link{{Text: title, URL: relatedURL(source, title)}}
		}
		h := "Le contexte"
		if i > 0 {
			// One formula a related story: the same words under every
			// heading read as a template.
			h = contextLeads[(i-1)%len(contextLeads)]
			if np := w.salientPhrase(ids); np != "" {
				h += nbsp + ": " + np
			}
		}
		if s.WithKeyphrase && i == 0 {
			h = capitalize(w.kform) + nbsp + ": le contexte"
		}
		w.addHeading(w.unique(h), plan.Context, 2)
		w.art.Blocks = append(w.art.Blocks, b)
	}
}

// contextLeads open the headings of the related stories after the first
// (« Le contexte »), in turn.
var contextLeads = []string{"Dans le même contexte", "Sur le même sujet", "À rapprocher"}

// readability counts, over the article written so far and the chosen
// sentences, the sentences, those over 20 words and those in the passive
// voice, as the readability checks count them.
func (w *writer) readability(chosen []string) (total, long, passive int) {
	texts := append([]string{}, chosen...)
	for _, b := range w.art.Blocks {
		switch {
		case b.Kind == article.List:
			texts = append(texts, b.Items...)
		case b.Text != "":
			texts = append(texts, b.Text)
		}
	}
	for _, t := range texts {
		for _, sp := range token.Sentences(t) {
			s := t[sp.Start:sp.End]
			total++
			if token.CountAlnumWords(s) > 20 {
				long++
			}
			if w.looksPassive(s) {
				passive++
			}
		}
	}
	return total, long, passive
}

// tooPassive reports whether s is in the passive voice while the article
// written so far, with the context's sentences chosen before it, would
// have more than Yoast's 10 % of passive sentences with it.
func (w *writer) tooPassive(chosen []string, s string) bool {
	if !w.looksPassive(s) {
		return false
	}
	total, _, passive := w.readability(chosen)
	return (passive+1)*10 > total+1
}

// looksPassive is check.LooksPassive, remembered: readability reads the
// article written so far again for every sentence the context considers.
func (w *writer) looksPassive(s string) bool { return w.memo.looksPassive(s) }

// stillLong reports whether a sentence, cut where it safely can be, still
// has a piece over splitAbove words.
func (w *writer) stillLong(pieces []string) bool {
	limit := w.splitAbove()
	for _, p := range pieces {
		if token.CountAlnumWords(p) > limit {
			return true
		}
	}
	return false
}

// backRefs are the words that point back to an earlier sentence:
// third-person subject pronouns and demonstratives.
var backRefs = map[string]bool{"il": true, "elle": true, "ils": true, "elles": true, "ce": true, "cet": true,
	"cette": true, "ces": true, "cela": true, "ceci": true, "ça": true, "celui": true, "celle": true,
	"ceux": true, "celles": true, "c'": true, "lui": true, "leur": true, "leurs": true, "son": true, "sa": true, "ses": true}

// sharesTopic reports whether two sentences share a content word (five
// letters or more, plural folded).
func sharesTopic(a, b string) bool {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			if utf8.RuneCountInString(w) >= 5 {
				m[strings.TrimSuffix(w, "s")] = true
			}
		}
		return m
	}
	wa := words(a)
	for w := range words(b) {
		if wa[w] {
			return true
		}
	}
	return false
}

// shellNouns name a text or an announcement; with a definite article
// (« le rapport de Microsoft ») they point back to one the story named
// before.
var shellNouns = map[string]bool{"rapport": true, "rapports": true, "communiqué": true, "déclaration": true,
	"annonce": true, "avertissement": true, "révélation": true, "directive": true, "document": true,
	"message": true, "tweet": true, "lettre": true, "note": true, "article": true, "enquête": true}

// demonstratives are the backRefs that always point outside the sentence.
var demonstratives = map[string]bool{"ce": true, "cet": true, "cette": true, "ces": true, "cela": true, "ceci": true,
	"ça": true, "celui": true, "celle": true, "ceux": true, "celles": true, "c'": true}

var definite = map[string]bool{"le": true, "la": true, "les": true, "l'": true, "du": true, "des": true, "au": true, "aux": true}

// selfContained reports whether a sentence can follow another than the
// one it followed in its source: it opens with neither a connective nor
// holds a word that points back (outside quotations: a pronoun, a
// demonstrative, « le rapport »…), and its subject — the words
// before its first verb — holds a name or opens with an indefinite
// determiner (« Un porte-parole du gouvernement chinois »), so that it
// says who it is about.
func selfContained(s string) bool {
	if opensWithConnective(s) {
		return false
	}
	toks := token.Tokenize(s)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
		if t.Kind == token.Clitic {
			words[i] = token.CliticPronoun(t.Text)
		}
	}
	tags := pos.Default().Tag(words)
	quote, named, inSubject := 0, false, true
	for i, t := range toks {
		switch t.Text {
		case "«", "“":
			quote++
			continue
		case "»", "”":
			quote--
			continue
		}
		if quote > 0 || !t.Kind.IsWord() {
			continue
		}
		low := strings.ToLower(strings.ReplaceAll(words[i], "’", "'"))
		// Past a subject that names who it is, a personal pronoun or a
		// possessive refers to that subject (« Microsoft a déclaré qu’il… »);
		// a demonstrative still points back.
		if backRefs[low] && (inSubject || !named || demonstratives[low]) ||
			shellNouns[low] && i > 0 && definite[strings.ToLower(strings.ReplaceAll(words[i-1], "’", "'"))] {
			return false
		}
		if !inSubject {
			continue
		}
		switch {
		case tags[i] == "VERB" || tags[i] == "AUX":
			inSubject = false
		case tags[i] == "PROPN" || isAcronym(t.Text) || i > 0 && token.StartsUpper(t.Text):
			named = true // mid-sentence, a capital marks a name (« Maison Blanche »)
		case i == 0 && (low == "un" || low == "une" || low == "des"):
			named = true
		}
	}
	return named
}

// relatedTitle names a related story for its link: its title, else its
// first sentence when that is short enough to read as one.
func relatedTitle(src facts.Source, lead []string) string {
	if src.Title != "" {
		return strings.TrimRight(src.Title, ". ")
	}
	return ""
}

// relatedURL is the related story's address: its own URL when it came
// from the web, else the path its article takes on the same site (the
// slug of its title), an internal link.
func relatedURL(src facts.Source, title string) string {
	if src.URL != "" {
		return src.URL
	}
	words := strings.Fields(Slug(title))
	slug := Slug(title)
	if len(words) == 1 && len(slug) > 80 {
		slug = strings.Trim(slug[:80], "-")
	}
	return "/" + slug + "/"
}

// sources lists the story's sources in the front matter and, for those
// that came from the web, cites them at the end with a link: a reader can
// check every fact at its origin.
func (w *writer) sources() {
	var names []string
	var links []article.Link
	for _, src := range w.sh.Sources {
		if src.Related {
			continue
		}
		w.art.Sources = append(w.art.Sources, article.Source{Title: src.Title, URL: src.URL, Site: src.Site})
		if src.URL == "" {
			continue
		}
		name := src.Label()
		if src.Site != "" && src.Title != "" {
			name = src.Site + " (« " + src.Title + " »)"
		}
		names = append(names, name)
		links = append(links, article.Link{Text: name, URL: src.URL})
	}
	if len(names) == 0 {
		return
	}
	label := "Source : "
	if len(names) > 1 {
		label = "Sources : "
	}
	w.art.Blocks = append(w.art.Blocks, article.Block{Kind: article.Paragraph, Text: label + strings.Join(names, " ; ") + ".", Links: links})
}
