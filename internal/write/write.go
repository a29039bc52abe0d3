// Package write is the fifth stage of plume's pipeline: a [Writer] takes a
// plan and the story's fact sheet and gives an article (package article)
// with, for each section, who wrote it.
//
// The offline [Extractive] writer writes only with the sources' own
// sentences, transformed by the grammar-safe operations of package
// rephrase, and with headings, key points and questions built from the
// facts by fixed, grammatical patterns. It never invents a figure, a name
// or a quotation, and it never pads: when the sources hold too little for
// the length asked, it says so in a warning.
package write

import (
	"context"
	"errors"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/plan"
)

// Writer writes an article from a plan.
type Writer interface {
	// Name is the writer's name in the JSON output: "extractive", "llm".
	Name() string
	Write(ctx context.Context, p *plan.Plan, sh *facts.Sheet) (*Draft, error)
}

// SectionInfo describes one written section.
type SectionInfo struct {
	Heading string    `json:"heading"`
	Level   int       `json:"level"`
	Kind    plan.Kind `json:"kind"`
	Writer  string    `json:"writer"`
}

// Draft is a written article.
type Draft struct {
	Article  *article.Article
	Lead     string
	Sections []SectionInfo
	Warnings []string
}

// ErrNotFrench is wrapped by the offline writer's refusal of a story with
// a source that is not in French: it cannot translate.
var ErrNotFrench = errors.New("the offline writer cannot translate, use the LLM writer (--writer llm) for sources in another language")

// ErrNoFrench is wrapped by the LLM writer's failure to write in French
// the article of sources in another language (no outline, no French
// keyphrase, nothing that passed its checks): the offline text, in the
// sources' language, is no fallback.
var ErrNoFrench = errors.New("the model could not write the article in French")
