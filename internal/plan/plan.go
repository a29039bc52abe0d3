// Package plan is the fourth stage of plume's pipeline: it takes a story's
// fact sheet and gives an outline — the focus keyphrase, a lead, body
// sections cut from the sources by topic, and the sections the facts
// support (key points, a profile of the central actor, an FAQ, context
// from related stories) — with a word budget per section that adds up to
// the length asked.
//
// It decides what goes where; it never writes a sentence. Both writers,
// offline and LLM, write from the same plan.
package plan

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/entity"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/memo"
)

// Kind is the kind of a planned section. The names are those of the JSON
// output's sections[].kind.
type Kind string

// Section kinds.
const (
	Lead      Kind = "lead"
	Body      Kind = "body"
	KeyPoints Kind = "key_points"
	Profile   Kind = "profile"
	FAQ       Kind = "faq"
	Context   Kind = "context"
)

// Section is one planned section.
type Section struct {
	Kind Kind
	// Budget is the section's share of the target length, in words.
	Budget int
	// Sentences are the sheet's sentence IDs the section draws on, in
	// order. For a body section they are the section's text.
	Sentences []int
	// SourceHeading is the subheading the source gave this part, if any.
	SourceHeading string
	// Subject names the actor of a profile section.
	Subject string
	// Related lists the related sources (indices in the sheet) a context
	// section draws on.
	Related []int
	// People are persons an FAQ asks about (« Qui est Jen Psaki ? »),
	// answered by the title the sources give them.
	People []string
	// WithKeyphrase asks the writer to put the keyphrase in this
	// section's heading, so that 30–75 % of subheadings carry it.
	WithKeyphrase bool
}

// Plan is the outline of an article.
type Plan struct {
	Keyphrase string
	// KeyWords are the keyphrase's words, as they must appear.
	KeyWords []string
	// KeyphraseGiven marks a keyphrase the user gave (--keyphrase), which
	// no writer replaces.
	KeyphraseGiven bool
	// Target is the minimum length asked, in words; Supported is what the
	// sources honestly support.
	Target, Supported int
	Sections          []Section
	Warnings          []string
	// ShortSentences asks the writers for short sentences (Yoast counts a
	// sentence over 20 words as long): the offline writer cuts at 20
	// words where it safely can and prefers related sentences no longer
	// than that. A second pass sets it when sentence length failed.
	ShortSentences bool
	// AvoidPassive is Options.AvoidPassive: the writers also leave out of
	// a related story's excerpt, past its lede, sentences in the passive
	// voice.
	AvoidPassive bool
}

// Options configure planning.
type Options struct {
	// MinWords is the length asked (the brief's minimum, --min-words).
	MinWords int
	// Keyphrase overrides the chosen keyphrase.
	Keyphrase string
	// AvoidPassive prefers, where the plan chooses among sentences of
	// equal value (the lead's sentence with the keyphrase, the FAQ's
	// figure and quotations), those not in the passive voice, and leaves
	// out of the body passive sentences the length does not need (see
	// Plan.dropPassive).
	AvoidPassive bool
	// Spare is how many words an earlier pass wrote beyond the length
	// asked: what AvoidPassive may leave out. 0 means the plan's own
	// estimate of the material.
	Spare int
	// ShortSentences is copied to the plan (Plan.ShortSentences).
	ShortSentences bool
}

// Section sizes, in words. Yoast flags sections over 300 words.
const (
	maxSection = 280
	// maxContext is how many related stories give context, one more when
	// the story's own sources fall short of the target.
	maxContext    = 3
	targetSection = 180
	minSection    = 60
)

// Build plans an article from a fact sheet.
func Build(sh *facts.Sheet, o Options) *Plan {
	if o.MinWords <= 0 {
		o.MinWords = 700
	}
	p := &Plan{Target: o.MinWords, ShortSentences: o.ShortSentences, AvoidPassive: o.AvoidPassive}
	story := sh.Memo(storyKey{}, func() any { return storySentences(sh) }).([]int)
	story = story[:len(story):len(story)] // shared: an append copies
	if len(story) == 0 {
		return p
	}
	kp := sh.Memo(keyphraseKey{o.Keyphrase}, func() any {
		k, words := chooseKeyphrase(sh, story, o.Keyphrase)
		return chosenKeyphrase{k, words}
	}).(chosenKeyphrase)
	p.Keyphrase, p.KeyWords = kp.phrase, slices.Clone(kp.words)
	p.KeyphraseGiven = strings.TrimSpace(o.Keyphrase) != ""

	lead := leadSentences(sh, story, p.KeyWords, o.AvoidPassive)
	p.Sections = append(p.Sections, Section{Kind: Lead, Sentences: lead})
	used := map[int]bool{}
	for _, id := range lead {
		used[id] = true
	}
	var rest []int
	for _, id := range story {
		if !used[id] {
			rest = append(rest, id)
		}
	}
	profile := planProfile(sh, rest)
	if profile != nil {
		for _, id := range profile.Sentences {
			used[id] = true
		}
		rest = rest[:0]
		for _, id := range story {
			if !used[id] {
				rest = append(rest, id)
			}
		}
	}
	body := segment(sh, rest)
	p.Sections = append(p.Sections, body...)
	if profile != nil {
		p.Sections = append(p.Sections, *profile)
	}
	if kp := planKeyPoints(sh, story); kp != nil {
		// Key points come right after the lead, as news sites print them.
		p.Sections = append(p.Sections[:1], append([]Section{*kp}, p.Sections[1:]...)...)
	}
	if ctx := planContext(sh, maxContext+1); ctx != nil {
		all := ctx.Related
		ctx.Related = all[:min(len(all), maxContext)]
		p.Sections = append(p.Sections, *ctx)
		// Short sources: one more related story when the corpus has it.
		if _, total := p.sizes(sh); len(all) > maxContext && total < p.Target {
			p.Sections[len(p.Sections)-1].Related = all
		}
	}
	// The FAQ answers with sentences the lead and profile do not use.
	var faqPool []int
	for _, id := range story {
		if !used[id] {
			faqPool = append(faqPool, id)
		}
	}
	if faq := planFAQ(sh, faqPool, o.AvoidPassive); faq != nil {
		// An answer is said once: its sentence leaves the body.
		inFAQ := map[int]bool{}
		for _, id := range faq.Sentences {
			inFAQ[id] = true
		}
		for i := range p.Sections {
			if p.Sections[i].Kind != Body {
				continue
			}
			var keep []int
			for _, id := range p.Sections[i].Sentences {
				if !inFAQ[id] {
					keep = append(keep, id)
				}
			}
			if len(keep) > 0 {
				p.Sections[i].Sentences = keep
			}
		}
		p.Sections = append(p.Sections, *faq)
	}
	if o.AvoidPassive {
		p.dropPassive(sh, o.Spare)
	}
	markKeyphraseHeadings(p)
	p.budget(sh)
	return p
}

// dropPassive leaves out of the body, when the sources hold more than the
// target, sentences in the passive voice that carry no precise figure and
// no quotation — the longest first, while what remains still reaches the
// target with a margin (spare words, or the plan's estimate when spare is
// 0). A sentence the next one leans on (a pronoun, a demonstrative) goes
// with that one when it carries no fact either; nothing goes when the
// sentence after leans on what goes or opens with a connective, or when
// its section would keep fewer than minKept words.
func (p *Plan) dropPassive(sh *facts.Sheet, spare int) {
	if spare <= 0 {
		_, total := p.sizes(sh)
		spare = total - p.Target
	}
	slack := spare - p.Target/20
	type cand struct{ sec, id, n, words int } // sentences id … id+n-1
	var cands []cand
	m := check.MemoOf(sh)
	for i, s := range p.Sections {
		if s.Kind != Body {
			continue
		}
		for j, id := range s.Sentences {
			if !m.LooksPassive(sh.Sentences[id].Text) || !spareFact(sh, sh.Sentences[id]) {
				continue
			}
			n := 1
			if anchorsNext(sh, id) {
				// The sentence leaning on it goes too, if it follows it
				// in the section and says nothing the article needs.
				if j+1 >= len(s.Sentences) || s.Sentences[j+1] != id+1 || !spareFact(sh, sh.Sentences[id+1]) {
					continue
				}
				n = 2
			}
			last := id + n - 1
			if anchorsNext(sh, last) || opensWithComma(sh, last+1) {
				continue
			}
			words := 0
			for k := id; k <= last; k++ {
				words += sh.Sentences[k].Words
			}
			cands = append(cands, cand{i, id, n, words})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].words > cands[j].words })
	for _, c := range cands {
		sec := &p.Sections[c.sec]
		if c.words > slack || !slices.Contains(sec.Sentences, c.id) || sectionWords(sh, *sec)-c.words < minKept {
			continue
		}
		sec.Sentences = slices.DeleteFunc(sec.Sentences, func(id int) bool { return id >= c.id && id < c.id+c.n })
		slack -= c.words
	}
}

// minKept is the fewest words a body section keeps when passive sentences
// leave it: a sentence of some length under its heading.
const minKept = 25

// spareFact reports whether a sentence can leave the body: it holds no
// precise figure, quotes no one and does not name a person in full (« Jake
// Sullivan »: the sentence that introduces him, which the later « Sullivan
// a déclaré » needs).
func spareFact(sh *facts.Sheet, s facts.Sentence) bool {
	return !counts(s) && !quotes(s) && namesInFull(sh, s) == "" && !explainsTitle(sh, s)
}

// namesInFull returns the first person a sentence names in full (« Jake
// Sullivan »), or "".
func namesInFull(sh *facts.Sheet, s facts.Sentence) string {
	for _, e := range sh.Entities {
		if e.Type == entity.Person && strings.Contains(e.Canonical, " ") && strings.Contains(s.Text, e.Canonical) {
			return e.Canonical
		}
	}
	return ""
}

// explainsTitle reports whether a sentence's subject is a phrase of two
// words or more of its source's title: « Le groupe de travail ou
// « Unified Coordination Group » (UCG), est … » says what the headline's
// « groupe de travail » is, and the article needs it.
func explainsTitle(sh *facts.Sheet, s facts.Sentence) bool {
	if s.Source < 0 || s.Source >= len(sh.Sources) {
		return false
	}
	title := strings.ToLower(sh.Sources[s.Source].Title)
	ws := strings.Fields(strings.ToLower(s.Text))
	if len(ws) == 0 || title == "" {
		return false
	}
	switch {
	case ws[0] == "le" || ws[0] == "la" || ws[0] == "les" || ws[0] == "un" || ws[0] == "une" || ws[0] == "des":
		ws = ws[1:]
	case strings.HasPrefix(ws[0], "l’"):
		ws[0] = strings.TrimPrefix(ws[0], "l’")
	case strings.HasPrefix(ws[0], "l'"):
		ws[0] = strings.TrimPrefix(ws[0], "l'")
	}
	// The longest run of words before any punctuation that the title holds.
	var head []string
	for _, w := range ws {
		t := strings.TrimRight(w, ",;:.")
		if t == "" || len(head) == 4 {
			break
		}
		head = append(head, t)
		if t != w {
			break
		}
	}
	for n := len(head); n >= 2; n-- {
		long := 0
		for _, w := range head[:n] {
			if utf8.RuneCountInString(w) >= 4 {
				long++
			}
		}
		if long >= 2 && strings.Contains(title, strings.Join(head[:n], " ")) {
			return true
		}
	}
	return false
}

// counts reports whether a sentence holds a precise figure (« des
// dizaines de milliers » is vague).
func counts(s facts.Sentence) bool {
	for _, f := range s.Figures {
		if !f.Vague {
			return true
		}
	}
	return false
}

// quotes reports whether a sentence quotes someone: a quotation of three
// words or more, not all capitalised (« SolarWinds », « Unified
// Coordination Group » name, they do not quote).
func quotes(s facts.Sentence) bool {
	for _, q := range s.Quotes {
		ws := strings.Fields(q.Text)
		if len(ws) >= 3 && slices.ContainsFunc(ws, func(w string) bool { return !token.StartsUpper(w) }) {
			return true
		}
	}
	return false
}

// opensWithComma reports whether sentence id opens with a word set off by
// a comma within its first words (« Cependant, », « Par ailleurs, »): a
// connective that relates it to the sentence before.
func opensWithComma(sh *facts.Sheet, id int) bool {
	if id >= len(sh.Sentences) {
		return false
	}
	head, _, ok := strings.Cut(sh.Sentences[id].Text, ",")
	return ok && len(strings.Fields(head)) <= 3
}

// What the plan computes once per sheet (facts.Sheet.Memo): each writing
// pass plans the same story again with other options.
type (
	storyKey     struct{}
	keyphraseKey struct{ override string }
	namesKey     struct{}
	keysKey      struct{}
)

// sentenceKeys is contentKeys of sentence id, computed once per sheet. The
// caller must not modify the set.
func sentenceKeys(sh *facts.Sheet, id int) map[string]bool {
	m := sh.Memo(keysKey{}, func() any { return new(memo.Map[int, map[string]bool]) }).(*memo.Map[int, map[string]bool])
	return m.Get(id, func() map[string]bool { return contentKeys(sh.Sentences[id].Text) })
}

type chosenKeyphrase struct {
	phrase string
	words  []string
}

// storySentences returns the IDs of the story's own sentences, spliced
// ones (facts.Spliced), the page's furniture (facts.Furniture) and near duplicates across sources removed (the
// first source's wording kept, and never a sentence whose figures differ
// from the one it repeats).
func storySentences(sh *facts.Sheet) []int {
	var kept []int
	var keys []map[string]bool
	for _, s := range sh.Story() {
		if facts.Spliced(s.Text) || facts.Furniture(s.Text) {
			continue // garbled by the source, or the page's furniture: not publishable
		}
		k := contentKeys(s.Text)
		dup := false
		for i, other := range keys {
			o := sh.Sentences[kept[i]]
			if !sameFigures(o, s) {
				continue
			}
			j := jaccard(k, other)
			if j >= 0.6 || o.Source != s.Source && sameQuotation(o, s, j) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, s.ID)
			keys = append(keys, k)
		}
	}
	return kept
}

// sameQuotation reports whether two sentences of different sources quote
// one speaker saying one thing in two translations (001's « Au moins
// 30 000 entreprises … sont compromises » and 002's « Au moins 30 000
// organisations … ont été piratées », both Krebs): the same precise
// figure, or a quarter of their content words in common (overlap j).
// Quoting both would give one statement two verbatim wordings.
func sameQuotation(a, b facts.Sentence, j float64) bool {
	if len(a.Quotes) == 0 || len(b.Quotes) == 0 || a.Speaker == "" || b.Speaker == "" {
		return false
	}
	if surname(a.Speaker) != surname(b.Speaker) {
		return false
	}
	return counts(b) || j >= 0.25
}

// surname is the last word of a speaker's short name: « Jen Psaki » and
// « Jennifer Psaki » are one speaker.
func surname(speaker string) string {
	ws := strings.Fields(facts.ShortName(speaker))
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

func sameFigures(a, b facts.Sentence) bool {
	ka, kb := map[string]bool{}, map[string]bool{}
	for _, f := range a.Figures {
		ka[f.Key()] = true
	}
	for _, f := range b.Figures {
		kb[f.Key()] = true
	}
	for k := range kb {
		if !ka[k] {
			return false
		}
	}
	return true
}

// KeyWordsOf returns the words of a keyphrase that must appear where it
// is asked for: its content words ("directive d'urgence" → directive,
// urgence), else all its words.
func KeyWordsOf(kp string) []string {
	var words []string
	for _, t := range token.Tokenize(kp) {
		if t.Kind.IsWord() && t.Kind != token.Elision && !keyphrase.IsStop(strings.ToLower(t.Text)) {
			words = append(words, t.Text)
		}
	}
	if len(words) == 0 {
		words = strings.Fields(kp)
	}
	return words
}

func chooseKeyphrase(sh *facts.Sheet, story []int, override string) (string, []string) {
	if kp := strings.TrimSpace(override); kp != "" {
		return kp, KeyWordsOf(kp)
	}
	var texts, titles []string
	exclude := map[string]bool{}
	for _, src := range sh.Sources {
		if src.Related {
			continue
		}
		if src.Title != "" {
			titles = append(titles, src.Title)
			texts = append(texts, src.Title)
		}
		for _, w := range strings.Fields(strings.ToLower(src.Site)) {
			exclude[w] = true
		}
	}
	for _, id := range story {
		texts = append(texts, sh.Sentences[id].Text)
	}
	// News agencies quoted as sources are not the story.
	for _, w := range []string{"cnn", "reuters", "afp", "ap", "bloomberg"} {
		exclude[w] = true
	}
	// A central actor named by the sources (« qu'elle surnomme « Midnight
	// Blizzard » ») is what readers search for.
	if actor, n := centralActor(sh, story); actor != "" && (n >= 2 || strings.ContainsAny(actor, " -0123456789")) {
		return actor, strings.Fields(actor)
	}
	lead := sh.Sentences[story[0]].Text
	for _, min := range []int{3, 2, 1} {
		if c, ok := keyphrase.Choose(texts, keyphrase.Options{Lead: lead, Titles: titles, MinSentences: min, Exclude: exclude}); ok {
			return WrittenForm(c.Words, texts), c.Words
		}
	}
	return "", nil
}

// leadSentences picks the lede — the first sentence of the primary source,
// which answers who, what, when and where in news copy — and, when the lede
// does not hold the keyphrase, the first sentence that does, or a second
// sentence when the lede is short.
func leadSentences(sh *facts.Sheet, story []int, key []string, avoidPassive bool) []int {
	first := story[0]
	for _, id := range story {
		// A list item is no lede, nor a short fragment without a verb (a
		// live blog's « 96'Fin du match »).
		if s := sh.Sentences[id]; !s.Item && (s.Words > 6 || facts.HasFiniteVerb(s.Text)) {
			first = id
			break
		}
	}
	lead := []int{first}
	// The introduction must name the keyphrase: when the lede does not,
	// the first sentence that does joins it.
	if len(key) > 0 && !keyphrase.ContainsAll(sh.Sentences[first].Text, key) {
		cands := story
		if avoidPassive {
			cands = activeFirst(sh, story)
		}
		for _, id := range cands {
			// Out of its place, a sentence that opens on « La société… »
			// or « Il… » would refer to nothing.
			if id != first && !sh.Sentences[id].Item && sh.Sentences[id].Words <= 45 && keyphrase.ContainsAll(sh.Sentences[id].Text, key) &&
				!facts.OpensAnaphoric(sh.Sentences[id].Text) && !sh.Sentences[id].ByPronoun {
				lead = append(lead, id)
				// A sentence that refers back to it (« Ces jetons… »)
				// follows it into the lead.
				if anchorsNext(sh, id) && id+1 < len(sh.Sentences) {
					lead = append(lead, id+1)
				}
				return lead
			}
		}
	}
	if sh.Sentences[first].Words < 25 {
		for _, id := range story {
			if id != first && !sh.Sentences[id].Item && sh.Sentences[id].Source == sh.Sentences[first].Source && id > first {
				lead = append(lead, id)
				break
			}
		}
	}
	return lead
}

// activeFirst returns ids with the sentences not in the passive voice
// first, each group in its order.
func activeFirst(sh *facts.Sheet, ids []int) []int {
	var active, passive []int
	m := check.MemoOf(sh)
	for _, id := range ids {
		if m.LooksPassive(sh.Sentences[id].Text) {
			passive = append(passive, id)
		} else {
			active = append(active, id)
		}
	}
	return append(active, passive...)
}

// segment cuts the remaining sentences into body sections at source
// paragraph boundaries, starting a new section at a source subheading, at a
// change of source, or where the next paragraph shares least with the
// current section once the section has enough words.
func segment(sh *facts.Sheet, ids []int) []Section {
	// Paragraphs: runs of sentences of one source block.
	type para struct {
		ids     []int
		words   int
		heading string
		source  int
	}
	var paras []para
	for _, id := range ids {
		s := sh.Sentences[id]
		if n := len(paras); n > 0 {
			last := &paras[n-1]
			prev := sh.Sentences[last.ids[len(last.ids)-1]]
			if prev.Source == s.Source && prev.Block == s.Block {
				last.ids = append(last.ids, id)
				last.words += s.Words
				continue
			}
		}
		paras = append(paras, para{ids: []int{id}, words: s.Words, heading: s.Heading, source: s.Source})
	}
	// Short stories still get several sections: aim at three at least.
	total := 0
	for _, pa := range paras {
		total += pa.words
	}
	target := min(targetSection, max(minSection, total/3))
	var out []Section
	var cur Section
	words := 0
	var curKeys map[string]bool
	flush := func() {
		if len(cur.Sentences) > 0 {
			out = append(out, cur)
		}
		cur, words, curKeys = Section{Kind: Body}, 0, map[string]bool{}
	}
	flush()
	for i, pa := range paras {
		newHeading := pa.heading != "" && (i == 0 || paras[i-1].heading != pa.heading)
		newSource := i > 0 && paras[i-1].source != pa.source
		k := map[string]bool{}
		for _, id := range pa.ids {
			for w := range sentenceKeys(sh, id) {
				k[w] = true
			}
		}
		switch {
		case len(cur.Sentences) == 0:
		case newHeading || newSource && words >= minSection:
			flush()
		case words+pa.words > maxSection:
			flush()
		case words >= target && (jaccard(k, curKeys) < 0.08 || words >= 2*target/3+target/3 && words+pa.words > target*3/2):
			flush()
		}
		if len(cur.Sentences) == 0 && newHeading {
			cur.SourceHeading = pa.heading
		}
		cur.Sentences = append(cur.Sentences, pa.ids...)
		words += pa.words
		for w := range k {
			curKeys[w] = true
		}
	}
	flush()
	// A short last section joins the one before it when they fit.
	for len(out) >= 2 {
		last, prev := out[len(out)-1], out[len(out)-2]
		lw, pw := sectionWords(sh, last), sectionWords(sh, prev)
		if lw >= minSection || lw+pw > maxSection || last.SourceHeading != "" {
			break
		}
		out[len(out)-2].Sentences = append(prev.Sentences, last.Sentences...)
		out = out[:len(out)-1]
	}
	return out
}

func sectionWords(sh *facts.Sheet, s Section) int {
	n := 0
	for _, id := range s.Sentences {
		n += sh.Sentences[id].Words
	}
	return n
}

// markKeyphraseHeadings asks for the keyphrase in about half of the
// sections with an H2 (Yoast wants 30–75 %).
func markKeyphraseHeadings(p *Plan) {
	var headed []int
	for i, s := range p.Sections {
		if s.Kind != Lead {
			headed = append(headed, i)
		}
	}
	if len(headed) == 0 || len(p.KeyWords) == 0 {
		return
	}
	want := (len(headed) + 1) / 2
	if float64(want)/float64(len(headed)) > 0.75 {
		want = len(headed) * 3 / 4
	}
	// The first body section and then every other section.
	n := 0
	for j, i := range headed {
		if n < want && (j%2 == 0 || len(headed)-j <= want-n) && p.Sections[i].Kind != FAQ {
			p.Sections[i].WithKeyphrase = true
			n++
		}
	}
}

// budget spreads the target length over the sections in proportion to the
// material each has, and records what the sources support.
func (p *Plan) budget(sh *facts.Sheet) {
	sizes, total := p.sizes(sh)
	p.Supported = total
	if total == 0 {
		return
	}
	ctx := slices.IndexFunc(p.Sections, func(s Section) bool { return s.Kind == Context })
	if total < p.Target && ctx >= 0 {
		// Short sources: the related stories, which hold more than
		// their ledes, are asked for what the story's own sources
		// lack; every other section writes all it has.
		for i := range p.Sections {
			p.Sections[i].Budget = sizes[i]
		}
		p.Sections[ctx].Budget += p.Target - total
		return
	}
	for i := range p.Sections {
		p.Sections[i].Budget = (sizes[i]*p.Target + total - 1) / total
	}
}

// sizes estimates the words each section can hold from its material, and
// their sum.
func (p *Plan) sizes(sh *facts.Sheet) ([]int, int) {
	total := 0
	sizes := make([]int, len(p.Sections))
	for i, s := range p.Sections {
		switch s.Kind {
		case KeyPoints:
			sizes[i] = 12 * len(s.Sentences)
		case FAQ:
			sizes[i] = sectionWords(sh, s) + 8*len(s.Sentences)
		case Context:
			sizes[i] = 0
			for _, r := range s.Related {
				sizes[i] += min(relatedWords(sh, r), 110)
			}
		default:
			sizes[i] = sectionWords(sh, s)
		}
		total += sizes[i]
	}
	return sizes, total
}

func relatedWords(sh *facts.Sheet, source int) int {
	n := 0
	for _, s := range sh.Sentences {
		if s.Source == source && s.Block <= 1 {
			n += s.Words
		}
	}
	return n
}

// contentKeys are the lower-cased words of four letters or more of a
// sentence, a cheap proxy for its content lemmas.
func contentKeys(s string) map[string]bool {
	k := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'à' && r <= 'ÿ' || r == 'œ' || r >= '0' && r <= '9')
	}) {
		if len([]rune(w)) >= 4 {
			k[strings.TrimSuffix(w, "s")] = true
		}
	}
	return k
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	in := 0
	for k := range a {
		if b[k] {
			in++
		}
	}
	return float64(in) / float64(len(a)+len(b)-in)
}

// sortedIDs returns ids in document order.
func sortedIDs(ids []int) []int {
	out := append([]int(nil), ids...)
	sort.Ints(out)
	return out
}
