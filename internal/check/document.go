package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/fr/syllable"
	"github.com/plume-seo/plume/internal/fr/token"
)

// Scope names the part of an article a block comes from, as vale scopes
// prose: checks pick the scopes they assess.
type Scope string

// Scopes of blocks.
const (
	ScopeTitle     Scope = "title"
	ScopeSEOTitle  Scope = "seo_title"
	ScopeMeta      Scope = "meta_description"
	ScopeSlug      Scope = "slug"
	ScopeParagraph Scope = "paragraph"
	ScopeList      Scope = "list"
	ScopeQuote     Scope = "quote"
	ScopeImage     Scope = "image"
	ScopeSentence  Scope = "sentence"
)

// HeadingScope returns the scope of a heading of the given level:
// "heading.h2" for 2.
func HeadingScope(level int) Scope {
	if level < 1 || level > 6 {
		level = 2
	}
	return Scope("heading.h" + string(rune('0'+level)))
}

// IsHeading reports whether s is a heading scope.
func (s Scope) IsHeading() bool { return strings.HasPrefix(string(s), "heading.") }

// Sentence is one sentence of a block, cut the way Yoast cuts them.
type Sentence struct {
	// Text is the sentence as written.
	Text string
	// Words are its words with inner hyphens kept ("c'est-à-dire" is one),
	// punctuation dropped: Yoast's count for sentence and paragraph length.
	Words []string
	// Split is the number of words when hyphens also split
	// ("c'est-à-dire" is three): Yoast's count for keyphrase density.
	Split int
}

// Block is one scoped block of the article.
type Block struct {
	Scope Scope
	// Level is a heading's level.
	Level int
	// Text is the block's text; for a list, its items joined by newlines.
	Text string
	// Items are a list's items.
	Items []string
	// Sentences are the block's sentences (for a list, those of every
	// item). Empty for slugs and images.
	Sentences []Sentence
	// Links are the block's hyperlinks.
	Links []article.Link
	// Src and Alt describe an image.
	Src, Alt string
	// Words is the block's word count as Yoast counts text length (split at
	// white space, punctuation trimmed).
	Words int
}

// Document is the article as checks see it: scoped blocks with sentences
// and words, the parsed keyphrase, and the options.
type Document struct {
	// Article is the analysed article (read only).
	Article *article.Article
	// Title, SEOTitle, Meta and Slug are the article's fields as blocks.
	Title, SEOTitle, Meta, Slug Block
	// Body holds the body's blocks in reading order: headings, paragraphs,
	// lists, quotes and images. Quotes do not count for Yoast's checks.
	Body []Block
	// Keyphrase is the parsed keyphrase (zero when none).
	Keyphrase Keyphrase
	// Mode and Lang come from the options; MinWords too.
	Mode     Mode
	Lang     string
	MinWords int
	memo     *Memo
	// Words is the body's word count (text length), SplitWords its count
	// with hyphens splitting (density), MergedWords with hyphens joining.
	Words, SplitWords, MergedWords int

	match       matcher
	density     densityFigures
	densityDone bool
	figs        *Figures
	sents       []Sentence
	// modeFree holds what the checks compute alike in either mode; the
	// copy withMode makes shares it.
	modeFree *modeFree
}

// modeFree are readings of a document that do not depend on the mode.
type modeFree struct {
	reading *readingFigures
	lang    *langResult
}

// readingFigures are the counts behind the reading ease.
type readingFigures struct {
	paragraphs, headings, sentences int
	flesch                          float64
}

// langResult is the language check's result.
type langResult struct {
	r  Result
	ok bool
}

type densityFigures struct {
	count int
	d     float64
}

// NewDocument prepares an article for the checks.
func NewDocument(a *article.Article, opts Options) *Document {
	d := &Document{Article: a, Mode: opts.Mode, Lang: "fr", MinWords: opts.MinWords, memo: opts.Memo, modeFree: &modeFree{}}
	if opts.Lang == "en" {
		d.Lang = "en"
	}
	d.Title = textBlock(ScopeTitle, 0, a.Title)
	d.SEOTitle = textBlock(ScopeSEOTitle, 0, a.TitleForSEO())
	d.Meta = textBlock(ScopeMeta, 0, a.MetaDescription)
	d.Slug = Block{Scope: ScopeSlug, Text: a.Slug}
	for _, b := range a.Blocks {
		var blk Block
		switch b.Kind {
		case article.Heading:
			blk = textBlock(HeadingScope(b.Level), b.Level, b.Text)
		case article.Paragraph:
			blk = textBlock(ScopeParagraph, 0, b.Text)
		case article.List:
			items := b.Items
			if len(items) == 0 && b.Text != "" {
				items = strings.Split(b.Text, "\n")
			}
			blk = Block{Scope: ScopeList, Text: strings.Join(items, "\n"), Items: items}
			for _, it := range items {
				ib := textBlock(ScopeList, 0, it)
				blk.Sentences = append(blk.Sentences, ib.Sentences...)
				blk.Words += ib.Words
			}
		case article.Quote:
			blk = textBlock(ScopeQuote, 0, b.Text)
		case article.Image:
			blk = Block{Scope: ScopeImage, Src: b.Src, Alt: b.Alt}
		default:
			continue
		}
		blk.Links = b.Links
		d.Body = append(d.Body, blk)
	}
	for _, b := range d.Body {
		if !b.counts() {
			continue
		}
		d.Words += b.Words
		for _, s := range b.Sentences {
			d.SplitWords += s.Split
			d.MergedWords += len(s.Words)
		}
	}
	kp := a.Keyphrase
	if opts.Keyphrase != "" {
		kp = opts.Keyphrase
	}
	d.Keyphrase = ParseKeyphrase(kp)
	d.setMode(d.Mode)
	return d
}

func (d *Document) setMode(m Mode) {
	d.Mode = m
	if m == Forms {
		d.match = newFormsMatcher(d.Keyphrase)
	} else {
		d.match = exactMatcher{}
	}
}

// withMode returns a copy of the document read in mode m: the blocks and
// sentences are shared (no check modifies them), what depends on the
// matching mode — the matcher, the density, the figures — is not.
func (d *Document) withMode(m Mode) *Document {
	c := *d
	c.density, c.densityDone, c.figs = densityFigures{}, false, nil
	c.setMode(m)
	return &c
}

// plainSentences are the sentences Yoast's passive-voice research reads:
// the same tokenizer on each counted block's text (each list item apart),
// a piece without words kept — a closing » after a full stop counts as a
// sentence of its own there, where the tree drops it.
func (d *Document) plainSentences() []string {
	var out []string
	for _, b := range d.Body {
		if !b.counts() {
			continue
		}
		texts := []string{b.Text}
		if b.Scope == ScopeList {
			texts = b.Items
		}
		for _, t := range texts {
			out = append(out, yoastSentences(t)...)
		}
	}
	return out
}

// counts reports whether the block's words count for Yoast: quotes and
// images do not.
func (b Block) counts() bool {
	return b.Scope != ScopeQuote && b.Scope != ScopeImage
}

func textBlock(scope Scope, level int, text string) Block {
	b := Block{Scope: scope, Level: level, Text: text, Words: token.CountWords(text)}
	for _, s := range yoastSentences(text) {
		merged, split := treeWords(s)
		if len(merged) == 0 && split == 0 {
			continue
		}
		b.Sentences = append(b.Sentences, Sentence{Text: s, Words: merged, Split: split})
	}
	return b
}

// Sentences returns every sentence of the body that Yoast counts (headings,
// paragraphs and lists; not quotes), in order.
// The slice is shared: callers must not modify it.
func (d *Document) Sentences() []Sentence {
	if d.sents != nil {
		return d.sents
	}
	out := []Sentence{}
	for _, b := range d.Body {
		if b.counts() {
			out = append(out, b.Sentences...)
		}
	}
	d.sents = out
	return out
}

// Headings returns the heading blocks of the body at the given levels (all
// when none is given).
func (d *Document) Headings(levels ...int) []Block {
	var out []Block
	for _, b := range d.Body {
		if !b.Scope.IsHeading() {
			continue
		}
		if len(levels) == 0 {
			out = append(out, b)
			continue
		}
		for _, l := range levels {
			if b.Level == l {
				out = append(out, b)
			}
		}
	}
	return out
}

// Images returns the image blocks of the body.
func (d *Document) Images() []Block {
	var out []Block
	for _, b := range d.Body {
		if b.Scope == ScopeImage {
			out = append(out, b)
		}
	}
	return out
}

// Links returns the hyperlinks of the body that Yoast counts (not those in
// quotes).
func (d *Document) Links() []article.Link {
	var out []article.Link
	for _, b := range d.Body {
		if b.counts() {
			out = append(out, b.Links...)
		}
	}
	return out
}

func (d *Document) figures() Figures {
	if d.figs == nil {
		f := d.computeFigures()
		d.figs = &f
	}
	return *d.figs
}

func (d *Document) computeFigures() Figures {
	f := Figures{Words: d.Words, TitleWidth: titleWidth(d.SEOTitle.Text), MetaLength: metaLength(d), Mode: "forms"}
	if d.Mode == Exact {
		f.Mode = "exact"
	}
	r := d.readingFigures()
	f.Paragraphs, f.Headings, f.Sentences, f.Flesch = r.paragraphs, r.headings, r.sentences, r.flesch
	if !d.Keyphrase.Empty() {
		f.Keyphrase = d.Keyphrase.Raw
		dens := d.densityFigures()
		f.KeyphraseCount = dens.count
		f.Density = float64(jsRound(dens.d*100)) / 100
	}
	return f
}

// readingFigures counts the body's paragraphs, headings, sentences and
// syllables for the reading ease, once for both modes.
func (d *Document) readingFigures() readingFigures {
	if r := d.modeFree.reading; r != nil {
		return *r
	}
	var r readingFigures
	words, syl := 0, 0
	for _, b := range d.Body {
		if !b.counts() {
			continue
		}
		switch {
		case b.Scope == ScopeParagraph:
			r.paragraphs++
		case b.Scope.IsHeading():
			r.headings++
		}
		r.sentences += len(b.Sentences)
		for _, s := range b.Sentences {
			words += len(s.Words)
			syl += d.memo.syllableCount(s)
		}
	}
	if words > 0 && r.sentences > 0 {
		r.flesch = float64(jsRound(syllable.ReadingEase(words, r.sentences, syl)*10)) / 10
	}
	d.modeFree.reading = &r
	return r
}

// countSyllables is the number of syllables of words.
func countSyllables(words []string) int {
	n := 0
	for _, w := range words {
		n += syllable.Count(w)
	}
	return n
}

// yoastSentences splits a block's text into sentences the way Yoast 3.6.0
// does (docs/yoast-rules.md §1.4): after . ? ! … (runs included) followed by
// white space or the end — after ? or ! whatever the case of the next word,
// after . or … only when the next word does not start with a lower-case
// letter; abbreviations are not protected; a closing » after the stop
// starts the next sentence.
func yoastSentences(text string) []string {
	var out []string
	start := 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isStop(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isStop(r2) {
				break
			}
			j += s2
		}
		end := j
		if j < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r2) && r2 != '»' && r2 != '"' && r2 != '”' {
				i = j
				continue
			}
		}
		if !strings.ContainsAny(text[i:j], "?!") && nextIsLower(text[j:]) {
			i = j // « américain. jeudi a montré »: a full stop before a lower-case word ends nothing
			continue
		}
		if s := strings.TrimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
		i = j
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// nextIsLower reports whether the first letter-or-sign after the white
// space that opens s is a lower-case letter.
func nextIsLower(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' {
			continue
		}
		return unicode.IsLower(r)
	}
	return false
}

func isStop(r rune) bool {
	return r == '.' || r == '?' || r == '!' || r == '…'
}

// treeWords returns a sentence's words with inner hyphens kept (Yoast's
// WC-tree-merged) and the number of words when hyphens split them too
// (WC-tree-split).
func treeWords(s string) (merged []string, split int) {
	for f := range strings.FieldsFuncSeq(s, isTreeSpace) {
		w := strings.TrimFunc(f, isPunct)
		if w == "" {
			continue
		}
		merged = append(merged, w)
		if !strings.ContainsFunc(w, isHyphen) {
			split++ // w is not empty once trimmed
			continue
		}
		for p := range strings.FieldsFuncSeq(w, isHyphen) {
			if strings.TrimFunc(p, isPunct) != "" {
				split++
			}
		}
	}
	return merged, split
}

func isTreeSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '–' || r == '—' || r == '[' || r == ']'
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// isPunct reports the characters trimmed from word ends: punctuation and
// quotes, not symbols such as % or €.
func isPunct(r rune) bool {
	switch r {
	case '%', '€', '$', '£', '°', '&', '+', '=', '#', '@':
		return false
	}
	return unicode.IsPunct(r) || r == '«' || r == '»' || r == '`' || r == '´'
}
