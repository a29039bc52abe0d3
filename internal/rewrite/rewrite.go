// Package rewrite runs plume's whole pipeline for one story: cleaned
// sources → fact sheet → plan → writer → verification → rendering. It is
// the one entry point the CLI, the batch mode and the HTTP service share.
//
// It takes cleaned documents and options and gives a [Result] in the shape
// of plume's JSON contract; it never reads files or the network itself.
package rewrite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/render"
	"github.com/plume-seo/plume/internal/write"
)

// Input is one source of the story, cleaned.
type Input struct {
	Name string
	Doc  *clean.Document
}

// MaxMinWords is the largest length a rewrite may be asked for.
const MaxMinWords = 20000

// Options configure a rewrite.
type Options struct {
	// Keyphrase overrides the chosen keyphrase.
	Keyphrase string
	// MinWords is the length asked; 0 means the brief's minimum, else 700.
	MinWords int
	// Writer writes the article; nil means the offline writer.
	Writer write.Writer
	// Related are other stories (--corpus), used for context and links.
	Related []Input

	// extra, when above 0, overrides the writer's extra passes (tests
	// compare writers on the same passes).
	extra int
}

// Section is a section of the result, as the JSON output lists them.
type Section struct {
	Heading string `json:"heading"`
	Level   int    `json:"level"`
	Kind    string `json:"kind"`
	Writer  string `json:"writer,omitempty"`
}

// Result is a written and verified article, in the JSON contract's shape.
type Result struct {
	Title            string         `json:"title"`
	SEOTitle         string         `json:"seo_title"`
	MetaDescription  string         `json:"meta_description"`
	Slug             string         `json:"slug"`
	Keyphrase        string         `json:"keyphrase"`
	Lead             string         `json:"lead"`
	Sections         []Section      `json:"sections"`
	FAQ              []article.QA   `json:"faq"`
	WordCount        int            `json:"word_count"`
	Language         string         `json:"language"`
	Writer           string         `json:"writer"`
	Markdown         string         `json:"markdown"`
	HTML             string         `json:"html"`
	Checks           []check.Result `json:"checks"`
	SEOScore         int            `json:"seo_score"`
	ReadabilityScore int            `json:"readability_score"`
	// YoastSEOScore and YoastReadabilityScore are the scores by Yoast's
	// rules as yoastseo 3.6.0 applies them (plume analyze --mode exact):
	// what the editor will see in WordPress.
	YoastSEOScore         int              `json:"yoast_seo_score"`
	YoastReadabilityScore int              `json:"yoast_readability_score"`
	Fidelity              *fidelity.Report `json:"fidelity"`
	Sources               []article.Source `json:"sources"`
	Warnings              []string         `json:"warnings"`
	// LLM accounts for the model's work when the LLM writer wrote.
	LLM *LLMUsage `json:"llm,omitempty"`
	// TargetWords and SupportedWords say what was asked and what the
	// sources support.
	TargetWords    int `json:"target_words"`
	SupportedWords int `json:"supported_words"`

	// Article is the written article, for further checks and rendering.
	Article *article.Article `json:"-"`
}

// LLMUsage is the accounting of an LLM-written article.
type LLMUsage struct {
	Model            string  `json:"model"`
	Calls            int     `json:"calls"`
	PromptTokens     int     `json:"prompt_tokens"`
	CompletionTokens int     `json:"completion_tokens"`
	Seconds          float64 `json:"seconds"`
	// Retries counts the requests beyond the first of each call (HTTP
	// retries, the corrective JSON retry) and the sections asked again
	// with their failures listed.
	Retries int `json:"retries"`
	// Fallbacks counts the sections that kept the offline writer's text.
	Fallbacks int `json:"fallbacks"`
}

// ErrNoMaterial reports sources that hold no sentence the writers can use
// (the cleaner kept some text, but none of it is a publishable sentence of
// the story).
var ErrNoMaterial = errors.New("rewrite: the sources hold no sentence to write from")

// Run writes one article from the story's sources.
func Run(ctx context.Context, inputs []Input, o Options) (*Result, error) {
	if len(inputs) == 0 {
		return nil, fmt.Errorf("rewrite: no source")
	}
	if o.Writer == nil {
		o.Writer = write.Extractive{}
	}
	minWords := o.MinWords
	for _, in := range inputs {
		if b := in.Doc.Brief; b != nil && minWords == 0 && b.MinWords > 0 {
			minWords = b.MinWords
		}
	}
	if minWords == 0 {
		minWords = 700
	}
	sh := sheet(inputs, o.Related)
	popts := plan.Options{MinWords: minWords, Keyphrase: o.Keyphrase}
	p := plan.Build(sh, popts)
	if len(p.Sections) == 0 {
		return nil, ErrNoMaterial
	}
	// The model's work is what this Write adds to the client's and the
	// writer's counters (a writer may serve several articles in turn).
	lw, isLLM := o.Writer.(*write.LLM)
	isLLM = isLLM && lw.Client != nil
	var usage0 llm.Usage
	var repairs0 int
	if isLLM {
		usage0, repairs0 = lw.Client.Usage(), lw.Repairs()
	}
	d, err := o.Writer.Write(ctx, p, sh)
	if err != nil {
		return nil, err
	}
	// A failed check sends the plan back for another pass (replan.go).
	first, err := verify(p, d, sh, minWords)
	if err != nil {
		return nil, err
	}
	extra := extraPasses(o.Writer, isLLM, lw, usage0)
	if o.extra > 0 {
		extra = o.extra
	}
	best, passes, err := replan(ctx, o.Writer, sh, popts, first, minWords, extra)
	if err != nil {
		return nil, err
	}
	p, d = best.p, best.d
	a := d.Article
	r := &Result{
		Title: a.Title, SEOTitle: a.SEOTitle, MetaDescription: a.MetaDescription, Slug: a.Slug,
		Keyphrase: a.Keyphrase, Lead: d.Lead, FAQ: a.FAQ, Writer: o.Writer.Name(),
		Sources: a.Sources, Warnings: append([]string{}, d.Warnings...), Article: a,
		TargetWords: minWords, SupportedWords: p.Supported,
	}
	if isLLM {
		u := lw.Client.Usage()
		r.LLM = &LLMUsage{Model: lw.Client.Config().Model, Calls: u.Calls - usage0.Calls,
			PromptTokens: u.PromptTokens - usage0.PromptTokens, CompletionTokens: u.CompletionTokens - usage0.CompletionTokens,
			Seconds:   u.Seconds - usage0.Seconds,
			Retries:   u.Retries - usage0.Retries + lw.Repairs() - repairs0,
			Fallbacks: write.Fallbacks(d)}
	}
	if r.FAQ == nil {
		r.FAQ = []article.QA{}
	}
	if r.Sources == nil {
		r.Sources = []article.Source{}
	}
	for _, s := range d.Sections {
		r.Sections = append(r.Sections, Section{Heading: s.Heading, Level: s.Level, Kind: string(s.Kind), Writer: s.Writer})
	}
	texts := articleTexts(a)
	r.Fidelity = best.fid
	r.Language = langid.Detect(strings.Join(texts, "\n")).Lang
	rep := best.rep
	if w := passesWarning(best, passes); w != "" {
		r.Warnings = append(r.Warnings, w)
	}
	// One word count everywhere: the analysis's, as SEO tools count.
	r.WordCount = rep.Figures.Words
	if r.WordCount < minWords {
		// The LLM writer writes each section at the length of what the
		// sources say on it: suggesting it again would not help.
		more := "add sources of the same story, related articles with --corpus, or use the LLM writer (--writer llm)"
		if isLLM {
			more = "add sources of the same story or related articles with --corpus"
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf("the sources support about %d words, fewer than the %d asked: %s", r.WordCount, minWords, more))
	}
	r.Checks, r.SEOScore, r.ReadabilityScore = rep.Checks, rep.SEOScore, rep.ReadabilityScore
	r.YoastSEOScore, r.YoastReadabilityScore = best.yoast.SEOScore, best.yoast.ReadabilityScore
	r.Markdown = string(render.Markdown(a))
	r.HTML = string(render.HTML(a, render.HTMLOptions{Publisher: "plume"}))
	return r, nil
}

// sheet builds the story's fact sheet from its sources and the related
// stories.
func sheet(inputs, related []Input) *facts.Sheet {
	var sources []facts.Source
	for _, in := range inputs {
		sources = append(sources, source(in, false))
	}
	for _, in := range related {
		sources = append(sources, source(in, true))
	}
	return facts.Build(sources)
}

func source(in Input, related bool) facts.Source {
	return facts.Source{Name: in.Name, Title: in.Doc.Title, URL: in.Doc.URL, Site: in.Doc.Site, Doc: in.Doc, Related: related}
}
