package check

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/memo"
	"github.com/plume-seo/plume/internal/typo"
)

// Rating is the traffic light of a score.
type Rating string

// Ratings, as Yoast colours them: bad ≤ 4 (negative scores included), ok 5–7,
// good ≥ 8.
const (
	Bad  Rating = "bad"
	OK   Rating = "ok"
	Good Rating = "good"
)

// RatingOf returns the rating of a score.
func RatingOf(score int) Rating {
	switch {
	case score <= 4:
		return Bad
	case score <= 7:
		return OK
	}
	return Good
}

// Category groups checks in reports and says which aggregate they feed.
type Category string

// Categories. Only Yoast's SEO and readability assessments feed the two
// aggregate scores, so that they stay comparable with what editors see in
// WordPress; plume's own checks are reported apart.
const (
	SEO         Category = "seo"
	Readability Category = "readability"
	Plume       Category = "plume"
)

// Result is what one check says about an article.
type Result struct {
	// ID is the check's namespaced id, such as "seo.keyphrase_density".
	ID string `json:"id"`
	// Yoast is the identifier of the Yoast assessment the check mirrors, or
	// "" for plume's own checks.
	Yoast string `json:"yoast,omitempty"`
	// Score is 0–9, or one of Yoast's negative scores (−10, −20, −50, −999)
	// where the rule gives them.
	Score int `json:"score"`
	// Rating is the traffic light of Score.
	Rating Rating `json:"rating"`
	// Message says what was found and what to do, in the report's language.
	Message string `json:"message"`
	// Hidden marks a result Yoast computes but does not show (it has no
	// feedback text); the SEO aggregate still counts it, as Yoast's worker
	// does. Reports leave it out.
	Hidden bool `json:"-"`
	// Category is the group the result belongs to.
	Category Category `json:"-"`
}

// Check is one assessment. A check reads the document and returns its
// result; ok is false when the check does not apply (its result is then
// neither shown nor counted). A check never prints and never modifies the
// document.
type Check interface {
	// ID is the namespaced id, unique in the registry.
	ID() string
	// Category is the group the check belongs to.
	Category() Category
	// Run assesses the document.
	Run(d *Document) (r Result, ok bool)
}

var (
	registry = map[string]Check{}
	order    []Check
)

// Register adds a check to the registry. It is meant to be called from init
// functions and panics on a programming error: a nil check, an id without a
// namespace or an id already registered.
func Register(c Check) {
	if c == nil {
		panic("check: Register(nil)")
	}
	id := c.ID()
	if !strings.Contains(id, ".") {
		panic(fmt.Sprintf("check: id %q has no namespace", id))
	}
	if _, dup := registry[id]; dup {
		panic(fmt.Sprintf("check: duplicate id %q", id))
	}
	registry[id] = c
	order = append(order, c)
}

// Checks returns the registered checks in registration order.
func Checks() []Check {
	return append([]Check(nil), order...)
}

// Lookup returns the check registered under id.
func Lookup(id string) (Check, bool) {
	c, ok := registry[id]
	return c, ok
}

// Mode says how keyphrase words are matched in the text.
type Mode int

const (
	// Forms matches a keyphrase word in any of its French inflected forms
	// (via the lexicon's lemmas), across elision and accents: « voitures
	// électriques » matches « voiture électrique ». plume's default.
	Forms Mode = iota
	// Exact matches as Yoast's free analysis does: the exact word, case-
	// and partly accent-insensitive. Used for parity with Yoast.
	Exact
)

// Options tune an analysis. The zero value is French messages, forms mode,
// no minimum length.
type Options struct {
	// Lang is the language of messages: "fr" (default) or "en".
	Lang string
	// Mode is the keyphrase matching mode.
	Mode Mode
	// Keyphrase, when not empty, overrides the article's keyphrase.
	Keyphrase string
	// MinWords is the brief's minimum length in words; 0 disables the
	// plume.min_words check.
	MinWords int
	// Memo, when set, keeps what the checks read in each sentence (the
	// passive voice in each mode, transition words) for the next
	// analysis: the drafts of one article repeat most of their sentences.
	// nil reads every sentence afresh.
	Memo *Memo
}

// Memo keeps per-sentence readings across the analyses of one article's
// drafts (Options.Memo). It is safe for concurrent use; its zero value is
// ready.
type Memo struct {
	passive    memo.Map[memoKey, bool]
	transition memo.Map[string, bool]
	matches    memo.Map[sentenceMatchKey, int]
	syllables  memo.Map[string, int]
	typography memo.Map[string, []typo.Issue]
	language   memo.Map[string, langid.Result]
}

// typoIssues is typo.Check(s) in plume's style, remembered.
func (m *Memo) typoIssues(s string) []typo.Issue {
	if m == nil {
		return typo.Check(s, typo.DefaultStyle())
	}
	return m.typography.Get(s, func() []typo.Issue { return typo.Check(s, typo.DefaultStyle()) })
}

// detect is langid.Detect(s), remembered.
func (m *Memo) detect(s string) langid.Result {
	if m == nil {
		return langid.Detect(s)
	}
	return m.language.Get(s, func() langid.Result { return langid.Detect(s) })
}

// sentenceMatchKey names a sentence's full keyphrase matches: the sentence, the
// mode and the keyphrase.
type sentenceMatchKey struct {
	s, keyphrase string
	m            Mode
}

// fullMatches is d.fullMatches(s), remembered.
func (m *Memo) fullMatches(d *Document, s string) int {
	if m == nil {
		return d.fullMatches(s)
	}
	return m.matches.Get(sentenceMatchKey{s, d.Keyphrase.Raw, d.Mode}, func() int { return d.fullMatches(s) })
}

// syllableCount is the number of syllables of a sentence's words,
// remembered by its text.
func (m *Memo) syllableCount(s Sentence) int {
	if m == nil {
		return countSyllables(s.Words)
	}
	return m.syllables.Get(s.Text, func() int { return countSyllables(s.Words) })
}

func (m *Memo) isPassive(s string, mode Mode) bool {
	if m == nil {
		return isPassive(s, mode)
	}
	return m.passive.Get(memoKey{s, mode}, func() bool { return isPassive(s, mode) })
}

func (m *Memo) hasTransition(s string) bool {
	if m == nil {
		return hasTransition(s)
	}
	return m.transition.Get(s, func() bool { return hasTransition(s) })
}

type memoKey struct {
	s string
	m Mode
}

// Memoizer is what keeps values for the life of one article's writing —
// a facts.Sheet does — so that its stages share one Memo.
type Memoizer interface {
	Memo(key any, f func() any) any
}

type sheetMemoKey struct{}

// MemoOf returns the Memo kept by store, made on first use: the plan, the
// writer and the analyses of one article's passes read each sentence
// once.
func MemoOf(store Memoizer) *Memo {
	return store.Memo(sheetMemoKey{}, func() any { return &Memo{} }).(*Memo)
}

// LooksPassive is the package's LooksPassive, remembered.
func (m *Memo) LooksPassive(s string) bool { return m.isPassive(s, Forms) || m.isPassive(s, Exact) }

// MaxTextBytes is the largest article text Analyze accepts: far more than
// any article, small enough to keep an analysis under a second.
const MaxTextBytes = 2 << 20

// ErrTooLarge is returned for an article whose text exceeds MaxTextBytes.
var ErrTooLarge = errors.New("article too large to analyse")

// ErrNoArticle is returned for a nil article.
var ErrNoArticle = errors.New("no article to analyse")

// ErrUnreadable wraps the parser's error for an article text that cannot
// be read (bad front matter, broken HTML).
var ErrUnreadable = errors.New("cannot read the article")

// AnalyzeText parses an article — Markdown with front matter, plain text or
// HTML — and analyses it: the entry point for text from a user. Its errors
// fit on one line and wrap ErrTooLarge, article.ErrEmpty or ErrUnreadable.
func AnalyzeText(text string, opts Options) (*Report, error) {
	if len(text) > MaxTextBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), MaxTextBytes)
	}
	a, err := article.Parse([]byte(text))
	if err != nil {
		if errors.Is(err, article.ErrEmpty) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	return Analyze(a, opts)
}

// ParseMode reads a matching mode's name: "forms" (or "") or "exact".
func ParseMode(name string) (Mode, error) {
	switch name {
	case "", "forms":
		return Forms, nil
	case "exact":
		return Exact, nil
	}
	return Forms, fmt.Errorf("unknown mode %q (forms or exact)", name)
}

// Figures are measurements of the article shown next to the checks.
type Figures struct {
	// Words is the body's word count as Yoast counts it for text length.
	Words int `json:"words"`
	// Sentences is the number of sentences of the body (headings included).
	Sentences int `json:"sentences"`
	// Paragraphs and Headings count body blocks.
	Paragraphs int `json:"paragraphs"`
	Headings   int `json:"headings"`
	// Flesch is the Kandel–Moles reading ease, the French Flesch.
	Flesch float64 `json:"flesch"`
	// Keyphrase is the keyphrase analysed, KeyphraseCount its occurrences in
	// the body and Density the weighted density in percent (Yoast's formula).
	Keyphrase      string  `json:"keyphrase,omitempty"`
	KeyphraseCount int     `json:"keyphrase_count"`
	Density        float64 `json:"density"`
	// TitleWidth is the estimated SEO title width in pixels.
	TitleWidth int `json:"title_width"`
	// MetaLength is the meta description length in characters as Yoast
	// counts them.
	MetaLength int `json:"meta_description_length"`
	// Mode is "forms" or "exact".
	Mode string `json:"mode"`
}

// Report is the analysis of one article.
type Report struct {
	// SEOScore is Yoast's SEO aggregate, round(100·Σ/(9·n)); it can be
	// negative.
	SEOScore int `json:"seo_score"`
	// ReadabilityScore is Yoast's readability aggregate: 90, 60, 30, or 0
	// when not available.
	ReadabilityScore int `json:"readability_score"`
	// Checks are the shown results: SEO, then readability, then plume's,
	// each group worst first.
	Checks []Result `json:"checks"`
	// Figures are the measurements.
	Figures Figures `json:"figures"`
	// Lang is the language of the messages.
	Lang string `json:"lang"`
	all  []Result
}

// All returns every result, hidden ones included, in registration order.
func (r *Report) All() []Result { return append([]Result(nil), r.all...) }

// Analyze runs every registered check on the article. It refuses only a nil
// article or one larger than MaxTextBytes; every other article, however
// incomplete, is analysed.
func Analyze(a *article.Article, opts Options) (*Report, error) {
	if err := analysable(a); err != nil {
		return nil, err
	}
	return analyze(NewDocument(a, opts)), nil
}

// AnalyzeBoth analyses the article in forms mode and in exact mode (the
// options' Mode is ignored) from one reading of it: plume's verdict and
// the one by Yoast's rules, as a writer verifies its article.
func AnalyzeBoth(a *article.Article, opts Options) (forms, exact *Report, err error) {
	if err := analysable(a); err != nil {
		return nil, nil, err
	}
	opts.Mode = Forms
	d := NewDocument(a, opts)
	forms = analyze(d)
	return forms, analyze(d.withMode(Exact)), nil
}

func analysable(a *article.Article) error {
	if a == nil {
		return ErrNoArticle
	}
	if n := articleSize(a); n > MaxTextBytes {
		return fmt.Errorf("%w: %d bytes of text, limit %d", ErrTooLarge, n, MaxTextBytes)
	}
	return nil
}

// analyze runs every registered check on a prepared document.
func analyze(d *Document) *Report {
	rep := &Report{Lang: d.Lang}
	for _, c := range order {
		r, ok := c.Run(d)
		if !ok {
			continue
		}
		r.ID = c.ID()
		r.Category = c.Category()
		if y, isY := c.(interface{ Yoast() string }); isY {
			r.Yoast = y.Yoast()
		}
		r.Rating = RatingOf(r.Score)
		rep.all = append(rep.all, r)
	}
	rep.SEOScore = seoAggregate(rep.all)
	rep.ReadabilityScore = readabilityAggregate(rep.all)
	for _, r := range rep.all {
		if !r.Hidden {
			rep.Checks = append(rep.Checks, r)
		}
	}
	rank := map[Category]int{SEO: 0, Readability: 1, Plume: 2}
	sort.SliceStable(rep.Checks, func(i, j int) bool {
		a, b := rep.Checks[i], rep.Checks[j]
		if rank[a.Category] != rank[b.Category] {
			return rank[a.Category] < rank[b.Category]
		}
		return a.Score < b.Score
	})
	rep.Figures = d.figures()
	return rep
}

func articleSize(a *article.Article) int {
	n := len(a.Title) + len(a.SEOTitle) + len(a.MetaDescription) + len(a.Slug) + len(a.Keyphrase)
	for _, b := range a.Blocks {
		n += len(b.Text) + len(b.Alt)
		for _, it := range b.Items {
			n += len(it)
		}
	}
	return n
}

// jsRound rounds half up, as JavaScript's Math.round does (−2.5 → −2).
func jsRound(x float64) int {
	return int(math.Floor(x + 0.5))
}

// r1 rounds a percentage to one decimal the way Yoast does before comparing
// it with a threshold.
func r1(x float64) float64 {
	if x == math.Trunc(x) {
		return x
	}
	return math.Floor(x*10+0.5) / 10
}

// seoAggregate is Yoast's SEO overall: every SEO result counts, shown or not.
func seoAggregate(rs []Result) int {
	sum, n := 0, 0
	for _, r := range rs {
		if r.Category != SEO {
			continue
		}
		sum += r.Score
		n++
	}
	if n == 0 {
		return 0
	}
	return jsRound(100 * float64(sum) / float64(9*n))
}

// readabilityAggregate is Yoast's readability overall from penalties; only
// shown results with a positive score count.
func readabilityAggregate(rs []Result) int {
	penalty, n := 0, 0
	for _, r := range rs {
		if r.Category != Readability || r.Hidden || r.Score <= 0 {
			continue
		}
		n++
		switch RatingOf(r.Score) {
		case Bad:
			penalty += 3
		case OK:
			penalty += 2
		}
	}
	switch {
	case n <= 1:
		return 0
	case penalty > 6:
		return 30
	case penalty > 4:
		return 60
	}
	return 90
}

// base is embedded by every check for its id and category.
type base struct {
	id    string
	yoast string
	cat   Category
}

func (b base) ID() string         { return b.id }
func (b base) Category() Category { return b.cat }

// Yoast returns the identifier of the Yoast assessment the check mirrors.
func (b base) Yoast() string { return b.yoast }

// res builds a result with a message in the document's language.
func res(d *Document, score int, fr, en string, args ...any) (Result, bool) {
	msg := fr
	if d.Lang == "en" {
		msg = en
	}
	if len(args) > 0 {
		msg = fmt.Sprintf(msg, args...)
	}
	return Result{Score: score, Message: msg}, true
}
