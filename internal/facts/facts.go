package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/fr/entity"
	"github.com/plume-seo/plume/internal/fr/figure"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/memo"
)

// Source is one cleaned source of a story.
type Source struct {
	// Name is what the user gave (a path or URL); Site the outlet.
	Name, Title, URL, Site string
	Doc                    *clean.Document
	// Related marks a source that is not of this story but of a related
	// one (--corpus): it feeds context and links only.
	Related bool
	// Lang is the source's language (ISO 639-1, as package langid names
	// it). Build sets it when empty: the document's language, else the
	// one langid detects, French when neither is known. Figures and dates
	// are read with its conventions (an English "20,000" is 20 000).
	Lang string
}

// sourceLang returns the language Build gives a source: its own, else its
// document's, else the one detected in its text; French when unknown.
func sourceLang(src Source) string {
	if src.Lang != "" {
		return src.Lang
	}
	if src.Doc == nil {
		return langid.French
	}
	lang := src.Doc.Language
	if lang == "" || lang == langid.Unknown {
		var b strings.Builder
		b.WriteString(src.Doc.Title)
		for _, bl := range src.Doc.Blocks {
			b.WriteByte('\n')
			b.WriteString(bl.Text)
		}
		lang = langid.Detect(b.String()).Lang
	}
	if lang == langid.Unknown {
		return langid.French
	}
	return lang
}

// Foreign returns the indices of the story's own sources (not the related
// ones) that are not written in French.
func (sh *Sheet) Foreign() []int {
	var out []int
	for i, src := range sh.Sources {
		if !src.Related && src.Lang != langid.French {
			out = append(out, i)
		}
	}
	return out
}

// Label is how an article cites the source: its site, else its title,
// else its file name.
func (s *Source) Label() string {
	switch {
	case s.Site != "":
		return s.Site
	case s.Title != "":
		return s.Title
	}
	return s.Name
}

// Sentence is one sentence of a source with what it asserts.
type Sentence struct {
	ID     int
	Source int
	// Block is the index of the source block the sentence comes from and
	// Pos its position in that block; Heading the source's own subheading
	// above it, if any.
	Block, Pos int
	Heading    string
	Text       string
	Words      int
	// Item marks an item of a source's list.
	Item    bool
	Figures []figure.Figure
	Dates   []figure.Date
	Quotes  []Quote
	// Speaker is who the sentence attributes its content to, resolved for
	// pronouns ("a-t-elle ajouté") to the previous speaker; ByPronoun
	// marks that case: the sentence needs the one before it.
	Speaker   string
	ByPronoun bool
}

// Quote is a direct quotation: the text between « » (or “ ”), verbatim.
type Quote struct {
	Text     string
	Speaker  string
	Sentence int
}

// FigureFact is a figure of a sentence with who states it.
type FigureFact struct {
	Figure   figure.Figure
	Sentence int
	Source   int
	Speaker  string
}

// Sheet is the fact sheet of one story.
type Sheet struct {
	Sources   []Source
	Sentences []Sentence
	Figures   []FigureFact
	Quotes    []Quote
	// Entities are the story's named entities, variants merged across
	// its sources, most salient first.
	Entities []entity.Entity
	// Corrections lists the name variants that contradicted the other
	// sources and were replaced by the majority form ("Jane Psaki →
	// Jennifer Psaki").
	Corrections []string

	memos memo.Map[any, any]
}

// Memo returns what f computes for key, computing it once per sheet. The
// stages that read a sheet once per writing pass (the plan, fidelity, the
// writer) keep there what depends on the sheet alone. key is a value of a
// type unexported by the calling package, so that keys never collide. A
// sheet is not changed after Build; Memo is safe for concurrent use, and f
// may call Memo for another key.
func (sh *Sheet) Memo(key any, f func() any) any { return sh.memos.Get(key, f) }

// Build reads the story's sources into a fact sheet.
func Build(sources []Source) *Sheet {
	sources = append([]Source(nil), sources...)
	for si := range sources {
		sources[si].Lang = sourceLang(sources[si])
	}
	sh := &Sheet{Sources: sources}
	for si := range sources {
		doc := sources[si].Doc
		lang := sources[si].Lang
		if doc == nil {
			continue
		}
		heading, prevSpeaker := "", ""
		for bi, b := range doc.Blocks {
			if b.Kind == clean.Heading {
				heading = b.Text
				continue
			}
			units := Units(b.Text)
			if lang != langid.French {
				units = unitsStraight(b.Text)
			}
			if b.Kind == clean.List {
				// A list's items are units of their own, never sentences
				// to split or join.
				units = units[:0]
				start := 0
				for _, item := range strings.Split(b.Text, "\n") {
					if t := strings.TrimSpace(item); t != "" {
						units = append(units, token.Span{Start: start, End: start + len(item), Text: t})
					}
					start += len(item) + 1
				}
			}
			for pos, sp := range units {
				s := Sentence{
					ID: len(sh.Sentences), Source: si, Block: bi, Pos: pos, Item: b.Kind == clean.List,
					Heading: heading, Text: sp.Text, Words: token.CountAlnumWords(sp.Text),
					Figures: figure.FiguresIn(sp.Text, lang), Dates: figure.DatesIn(sp.Text, lang),
				}
				a := Attribute(sp.Text)
				s.ByPronoun = a.Pronoun
				switch {
				case a.Pronoun:
					s.Speaker = prevSpeaker
				default:
					s.Speaker = a.Speaker
				}
				if s.Speaker != "" {
					prevSpeaker = s.Speaker
				}
				quotes := Quotations(sp.Text)
				if lang != langid.French {
					quotes = append(quotes, straightQuotations(sp.Text)...)
				}
				for _, q := range quotes {
					q.Speaker, q.Sentence = s.Speaker, s.ID
					s.Quotes = append(s.Quotes, q)
					sh.Quotes = append(sh.Quotes, q)
				}
				for _, f := range s.Figures {
					sh.Figures = append(sh.Figures, FigureFact{Figure: f, Sentence: s.ID, Source: si, Speaker: s.Speaker})
				}
				sh.Sentences = append(sh.Sentences, s)
			}
		}
	}
	sh.resolveEntities()
	return sh
}

// resolveEntities finds the story's entities across its sources and
// replaces, outside quotations, a name variant that contradicts the others
// (001's « Jane Psaki » where the other sources say Jen or Jennifer) with
// the form the majority supports.
func (sh *Sheet) resolveEntities() {
	var texts []string
	var ids []int
	for _, s := range sh.Sentences {
		if !sh.Sources[s.Source].Related {
			texts = append(texts, s.Text)
			ids = append(ids, s.ID)
		}
	}
	sh.Entities = entity.Extract(texts)
	if sh.alignWithRelated(ids) {
		for i, id := range ids {
			texts[i] = sh.Sentences[id].Text
		}
		sh.Entities = entity.Extract(texts)
	}
	entity.SortBySalience(sh.Entities)
	for _, e := range sh.Entities {
		// A person is named one way in one article: a contradicting first
		// name is corrected, a shorter compatible one (Jen → Jennifer)
		// aligned; the surname alone stays.
		var replace []string
		replace = append(replace, e.Conflicts...)
		if e.Type == entity.Person {
			for _, v := range e.Variants {
				if v != e.Canonical && len(strings.Fields(v)) >= 2 && !contains(e.Conflicts, v) {
					replace = append(replace, v)
				}
			}
		}
		for _, bad := range replace {
			if bad == e.Canonical {
				continue
			}
			sh.rename(ids, bad, e.Canonical)
		}
	}
	for _, e := range sh.Entities {
		for _, bad := range e.Conflicts {
			if bad != e.Canonical {
				sh.renameSpeakers(bad, e.Canonical)
			}
		}
	}
}

// alignWithRelated corrects a person's first name that only the story's
// sources give, when the related stories name the same person otherwise:
// 001 alone says « Jane Psaki » where two related stories say Jen and
// Jennifer Psaki, all three with the title « attachée de presse de la
// Maison Blanche » or « porte-parole de la Maison Blanche ». Same surname,
// a title in common and an incompatible first name make the same person
// misnamed; without a common title the names may be two people (Joe and
// Jill Biden) and stay.
//
// It reports whether it corrected a name; the caller extracts the
// entities again.
func (sh *Sheet) alignWithRelated(ids []int) bool {
	var rel []string
	for _, s := range sh.Sentences {
		if sh.Sources[s.Source].Related {
			rel = append(rel, s.Text)
		}
	}
	if len(rel) == 0 {
		return false
	}
	others := entity.Extract(rel)
	changed := false
	for _, e := range sh.Entities {
		ef := strings.Fields(e.Canonical)
		if e.Type != entity.Person || len(ef) < 2 {
			continue
		}
		for _, o := range others {
			of := strings.Fields(o.Canonical)
			if o.Type != entity.Person || len(of) < 2 || of[len(of)-1] != ef[len(ef)-1] ||
				entity.CompatibleFirst(ef[0], of[0]) || !shareTitle(e.Titles, o.Titles) {
				continue
			}
			if sh.rename(ids, e.Canonical, o.Canonical) {
				sh.renameSpeakers(e.Canonical, o.Canonical)
				changed = true
			}
			break
		}
	}
	return changed
}

// rename writes good for the name bad in the sentences ids (outside
// quotations) and their speakers, and records the correction when it
// made one.
func (sh *Sheet) rename(ids []int, bad, good string) bool {
	fixed := false
	for _, id := range ids {
		s := &sh.Sentences[id]
		if t, ok := replaceOutsideQuotes(s.Text, bad, good); ok {
			s.Text = t
			s.Speaker = strings.ReplaceAll(s.Speaker, bad, good)
			fixed = true
		}
	}
	if fixed {
		sh.Corrections = append(sh.Corrections, bad+" → "+good)
	}
	return fixed
}

// renameSpeakers writes good for the name bad in who states each
// quotation and figure.
func (sh *Sheet) renameSpeakers(bad, good string) {
	for i := range sh.Quotes {
		sh.Quotes[i].Speaker = strings.ReplaceAll(sh.Quotes[i].Speaker, bad, good)
	}
	for i := range sh.Figures {
		sh.Figures[i].Speaker = strings.ReplaceAll(sh.Figures[i].Speaker, bad, good)
	}
}

// shareTitle reports whether two lists of titles have one in common,
// ignoring case and the article before it.
func shareTitle(a, b []string) bool {
	norm := func(t string) string {
		t = strings.ToLower(strings.ReplaceAll(t, "’", "'"))
		for _, art := range []string{"l'", "le ", "la ", "les "} {
			t = strings.TrimPrefix(t, art)
		}
		return strings.TrimSpace(t)
	}
	for _, x := range a {
		for _, y := range b {
			if norm(x) == norm(y) {
				return true
			}
		}
	}
	return false
}

// replaceOutsideQuotes replaces old by repl where old stands as a whole
// name outside « » and “ ” quotations, which stay verbatim.
func replaceOutsideQuotes(s, old, repl string) (string, bool) {
	var b strings.Builder
	depth, changed := 0, false
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "«") || strings.HasPrefix(s[i:], "“"):
			depth++
		case strings.HasPrefix(s[i:], "»") || strings.HasPrefix(s[i:], "”"):
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.HasPrefix(s[i:], old) && wordEdge(s, i, i+len(old)):
			b.WriteString(repl)
			i += len(old)
			changed = true
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String(), changed
}

func wordEdge(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// Units splits a paragraph into sentences that keep every quotation whole:
// a quotation of several sentences (« A. B », a-t-il dit.) stays in one
// unit with its attribution, so that no stage can cut or reorder it; a
// piece that starts in lower case stays with the sentence before it.
func Units(text string) []token.Span {
	return units(text, false)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// unitsStraight is Units for a source in another language, whose copy
// often quotes between straight double quotes ("We will rebuild," she
// said): a quotation between them stays whole too.
func unitsStraight(text string) []token.Span {
	return units(text, true)
}

func units(text string, straight bool) []token.Span {
	spans := token.Sentences(text)
	out := spans[:0]
	open, straightOpen := 0, false
	for _, sp := range spans {
		// A piece that starts with a lower-case letter does not start a
		// sentence (« … américain. jeudi a montré. », a translation slip):
		// it stays with the sentence before, as Yoast reads it too.
		if (open > 0 || straightOpen || startsLower(sp.Text)) && len(out) > 0 {
			last := &out[len(out)-1]
			last.End = sp.End
			last.Text = text[last.Start:last.End]
		} else {
			out = append(out, sp)
		}
		open += strings.Count(sp.Text, "«") - strings.Count(sp.Text, "»") + strings.Count(sp.Text, "“") - strings.Count(sp.Text, "”")
		if open < 0 {
			open = 0
		}
		if straight && strings.Count(sp.Text, `"`)%2 == 1 {
			straightOpen = !straightOpen
		}
	}
	return out
}

// straightQuotations returns the quotations of a sentence between straight
// double quotes, paired in order, as Quotations gives them.
func straightQuotations(s string) []Quote {
	parts := strings.Split(s, `"`)
	var out []Quote
	for i := 1; i+1 < len(parts); i += 2 {
		if q := strings.Trim(parts[i], " \u00a0\u202f"); utf8.RuneCountInString(q) > 0 {
			out = append(out, Quote{Text: q})
		}
	}
	return out
}

// Quotations returns the direct quotations of a sentence: text inside
// « » or “ ”, as written. A quotation of fewer than two words is a term in
// quotes, not a quotation, but it is kept: quotes must stay verbatim too.
func Quotations(s string) []Quote {
	var out []Quote
	for _, pair := range [][2]string{{"«", "»"}, {"“", "”"}} {
		rest := s
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(pair[0]):]
			j := strings.Index(rest, pair[1])
			if j < 0 {
				break
			}
			q := strings.Trim(rest[:j], " \u00a0\u202f")
			if utf8.RuneCountInString(q) > 0 {
				out = append(out, Quote{Text: q})
			}
			rest = rest[j+len(pair[1]):]
		}
	}
	return out
}

// Story returns the sentences of the story's own sources, without related
// stories.
func (sh *Sheet) Story() []Sentence {
	out := make([]Sentence, 0, len(sh.Sentences))
	for _, s := range sh.Sentences {
		if !sh.Sources[s.Source].Related {
			out = append(out, s)
		}
	}
	return out
}

// Words is the number of words of the story's own sentences.
func (sh *Sheet) Words() int {
	n := 0
	for _, s := range sh.Sentences {
		if !sh.Sources[s.Source].Related {
			n += s.Words
		}
	}
	return n
}

// Disputed returns the figures of the story that count the same thing as
// another figure with a different value from another speaker — figures an
// article must keep attributed to each source (Reuters: plus de 20 000
// organisations; Krebs: au moins 30 000).
func (sh *Sheet) Disputed() [][]FigureFact {
	byNoun := map[string][]FigureFact{}
	var order []string
	for _, f := range sh.Figures {
		if sh.Sources[f.Source].Related || f.Figure.Kind != figure.Count || f.Figure.Vague || f.Figure.Noun == "" {
			continue
		}
		k := nounClass(f.Figure.Noun)
		if _, ok := byNoun[k]; !ok {
			order = append(order, k)
		}
		byNoun[k] = append(byNoun[k], f)
	}
	var out [][]FigureFact
	for _, k := range order {
		fs := byNoun[k]
		values := map[float64]bool{}
		speakers := map[string]bool{}
		for _, f := range fs {
			values[f.Figure.Value] = true
			speakers[ShortName(f.Speaker)] = true
		}
		if len(values) > 1 && len(speakers) > 1 {
			out = append(out, fs)
		}
	}
	return out
}

// nounClass groups nouns that count the same victims in news copy:
// organisations, entreprises and clients of one story are compared.
func nounClass(noun string) string {
	n := strings.TrimSuffix(strings.ToLower(noun), "s")
	switch n {
	case "organisation", "entreprise", "société", "client", "victime", "structure":
		return "organisation"
	}
	return n
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
