// Package fidelity verifies an article against its sources: every figure,
// date, name and quotation it prints must be supported by a source, and
// quotations must be verbatim.
//
// It takes the article's text blocks and the story's fact sheet and gives a
// [Report]; it never edits the article. The article is French; a source
// may be in English, whose figures and dates are read in English, and
// whose quotations the article may translate under the rule of
// translated.go. Both writers and the analysis use
// it, so the offline and the LLM writer are held to the same standard.
package fidelity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/figure"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/memo"
	"github.com/plume-seo/plume/internal/typo"
)

// Kind is the kind of an unsupported item.
type Kind string

// Kinds of items the checker verifies.
const (
	Figure Kind = "figure"
	Date   Kind = "date"
	Name   Kind = "name"
	Quote  Kind = "quote"
)

// Finding is one item of the article that no source supports.
type Finding struct {
	Kind     Kind   `json:"kind"`
	Text     string `json:"text"`
	Sentence string `json:"sentence"`
}

// Report is the result of a fidelity check, in the shape of plume's JSON
// output.
type Report struct {
	Unsupported   []Finding `json:"unsupported"`
	QuotesAltered []Finding `json:"quotes_altered"`
	FiguresKept   int       `json:"figures_kept"`
	FiguresTotal  int       `json:"figures_total"`
}

// OK reports whether nothing is unsupported or altered.
func (r *Report) OK() bool { return len(r.Unsupported) == 0 && len(r.QuotesAltered) == 0 }

// index is what the sources support, normalised for comparison.
type index struct {
	figures map[string]bool
	dates   map[string]bool
	text    string // all source text, normalised, space-padded
	letters string // all source text, letters and digits only
	// foreign are the sentences of the sources not written in French,
	// whose quotations an article may give translated.
	foreign []foreignSentence
}

type foreignSentence struct {
	facts.Sentence
	Lang string
}

// indexKey keys a sheet's index in its memo: the writing passes of one
// article check against the same sources.
type indexKey struct{}

func newIndex(sh *facts.Sheet) *index {
	ix := &index{figures: map[string]bool{}, dates: map[string]bool{}}
	var b strings.Builder
	b.WriteByte(' ')
	for _, src := range sh.Sources {
		if src.Doc == nil {
			continue
		}
		b.WriteString(norm(src.Doc.Title))
		b.WriteByte(' ')
		b.WriteString(norm(src.Title))
		b.WriteByte(' ')
		b.WriteString(norm(src.Site))
		b.WriteByte(' ')
		// The sources' own subheadings are theirs too: a writer may keep
		// one.
		for _, bl := range src.Doc.Blocks {
			if bl.Kind == clean.Heading {
				b.WriteString(norm(bl.Text))
				b.WriteByte(' ')
				if src.Lang == langid.French {
					for _, f := range figure.Figures(typo.Fix(bl.Text, typo.DefaultStyle())) {
						ix.figures[f.Key()] = true
					}
				}
				for _, f := range figure.FiguresIn(bl.Text, src.Lang) {
					ix.figures[f.Key()] = true
				}
			}
		}
	}
	for _, s := range sh.Sentences {
		for _, f := range s.Figures {
			ix.figures[f.Key()] = true
		}
		// Typography may rewrite a figure's spelling (« 2ème » → « 2e »):
		// the typeset sentence supports the same figures. French typography
		// is not applied to another language's figures ("20,000").
		if sh.Sources[s.Source].Lang == langid.French {
			for _, f := range figure.Figures(typo.Fix(s.Text, typo.DefaultStyle())) {
				ix.figures[f.Key()] = true
			}
		} else {
			ix.foreign = append(ix.foreign, foreignSentence{s, sh.Sources[s.Source].Lang})
		}
		for _, d := range s.Dates {
			ix.dates[d.Key()] = true
		}
		b.WriteString(norm(s.Text))
		b.WriteByte(' ')
	}
	// A French article names in French the places and bodies an English
	// source names in English: « Californie » for "California".
	for en, fr := range exonyms {
		if len(ix.foreign) > 0 && strings.Contains(b.String(), " "+en) {
			b.WriteString(fr)
			b.WriteByte(' ')
		}
	}
	ix.text = b.String()
	ix.letters = lettersOnly(ix.text)
	return ix
}

// Check verifies the article's blocks (headings, paragraphs, list items,
// FAQ answers: any text the reader sees) against the sheet.
func Check(blocks []string, sh *facts.Sheet) *Report {
	ix := sh.Memo(indexKey{}, func() any { return newIndex(sh) }).(*index)
	r := &Report{Unsupported: []Finding{}, QuotesAltered: []Finding{}}
	seenFig := map[string]bool{}
	units := sh.Memo(unitsKey{}, func() any { return &unitMemo{} }).(*unitMemo)
	for _, block := range blocks {
		prev := ""
		for _, sp := range facts.Units(block) {
			s := sp.Text
			u := units.check(s, ix)
			for _, k := range u.figures {
				seenFig[k] = true
			}
			r.Unsupported = append(r.Unsupported, u.unsupported...)
			for _, q := range u.quotes {
				if !ix.translated(s, q, prev) {
					r.QuotesAltered = append(r.QuotesAltered, Finding{Kind: Quote, Text: q, Sentence: s})
				}
			}
			prev = s
		}
	}
	// Figures the story states (not vague, not years) and how many the
	// article kept.
	total := map[string]bool{}
	for _, f := range sh.Figures {
		if sh.Sources[f.Source].Related || f.Figure.Vague || f.Figure.Kind == figure.Year {
			continue
		}
		total[f.Figure.Key()] = true
	}
	r.FiguresTotal = len(total)
	for k := range total {
		if seenFig[k] {
			r.FiguresKept++
		}
	}
	sort.Slice(r.Unsupported, func(i, j int) bool { return r.Unsupported[i].Kind < r.Unsupported[j].Kind })
	return r
}

// unitCheck is what a sentence of the article says against the sources,
// whatever comes before it: the figures it keeps (keys), its unsupported
// figures, dates and names, and its quotations not found verbatim (a
// translated one is read with the sentence before, in Check).
type unitCheck struct {
	figures     []string
	unsupported []Finding
	quotes      []string
}

// unitMemo keeps each sentence's unitCheck for a sheet: the passes of one
// article repeat most of their sentences.
type unitMemo struct{ memo.Map[string, *unitCheck] }

type unitsKey struct{}

func (um *unitMemo) check(s string, ix *index) *unitCheck {
	return um.Get(s, func() *unitCheck { return checkUnit(s, ix) })
}

// checkUnit reads one sentence of the article against the index.
func checkUnit(s string, ix *index) *unitCheck {
	u := &unitCheck{}
	for _, f := range figure.Figures(s) {
		switch {
		case f.Vague: // « des milliers » asserts no number
		case ix.figures[f.Key()]:
			u.figures = append(u.figures, f.Key())
		default:
			u.unsupported = append(u.unsupported, Finding{Kind: Figure, Text: f.Text, Sentence: s})
		}
	}
	for _, d := range figure.Dates(s) {
		if !ix.dates[d.Key()] && !ix.has(d.Text) && !ix.dateParts(d.Key()) {
			u.unsupported = append(u.unsupported, Finding{Kind: Date, Text: d.Text, Sentence: s})
		}
	}
	for _, q := range facts.Quotations(s) {
		if !strings.Contains(ix.letters, lettersOnly(q.Text)) {
			u.quotes = append(u.quotes, q.Text)
		}
	}
	for _, name := range Names(s) {
		if !ix.has(name) {
			u.unsupported = append(u.unsupported, Finding{Kind: Name, Text: name, Sentence: s})
		}
	}
	return u
}

func (ix *index) has(s string) bool {
	n := norm(s)
	if n == "" {
		return true
	}
	return strings.Contains(ix.text, " "+n+" ") || strings.Contains(ix.text, n)
}

// lettersOnly keeps the letters and digits of s, lower-cased: the words of a
// quotation without the spaces and punctuation that typography may change
// (« active … tout » and « active… tout » are the same quotation).
func lettersOnly(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// norm folds what typography may change between a source and an article:
// case, apostrophes, quote marks and spaces (a run of white space, no-break
// spaces included, is one space; none leads or trails).
func norm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '’', '‘':
			r = '\''
		case '“', '”', '«', '»':
			r = '"'
		}
		if unicode.IsSpace(r) || r == '\u202f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Names returns the proper names of a sentence: runs of capitalised words
// (with inner particles: « Agence nationale de sécurité » is cut at the
// lower-case words, « Maison Blanche » is one name), acronyms and
// hyphenated codes (Storm-0558). A capitalised sentence-initial word is a
// name only when the lexicon does not know it in lower case.
func Names(s string) []string {
	toks := token.Tokenize(s)
	var out []string
	var run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, strings.Join(run, " "))
			run = run[:0]
		}
	}
	first := true
	for _, t := range toks {
		if t.Kind == token.Elision {
			// « L’Express »: the elided article is not part of the name.
			flush()
			continue
		}
		if !t.Kind.IsWord() {
			if t.Text != "-" {
				flush()
			}
			if t.Kind == token.Punct && strings.ContainsAny(t.Text, ".!?:") {
				first = true
			}
			continue
		}
		w := strings.TrimRight(t.Text, "'’")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case !unicode.IsUpper(r):
			flush()
		case first && len(run) == 0 && lexicon.Default().Has(strings.ToLower(w)) && !lexicon.Default().IsProperName(w):
			// A common word capitalised by position.
		default:
			run = append(run, w)
		}
		first = false
	}
	flush()
	return out
}
