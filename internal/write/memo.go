package write

import (
	"strings"

	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/memo"
	"github.com/plume-seo/plume/internal/rephrase"
)

// sheetMemo keeps, for one fact sheet, what the writer computes from the
// sheet's text alone — a sentence's cuts, the sentences lower-cased, and
// the check package's readings — so that the writing passes of one article
// (package rewrite re-plans up to three times) compute each once.
type sheetMemo struct {
	cuts   memo.Map[cutKey, []string]
	chunks memo.Map[int, []chunk.Phrase] // noun phrases by sentence ID
	denial memo.Map[int, int]            // denialAt by sentence ID
	unfit  memo.Map[int, bool]           // facts.Spliced or facts.Furniture, by sentence ID
	check  *check.Memo
	lower  []string // the sheet's sentences, lower-cased
	story  []string // the story's titles and sentences (storyTexts)
}

type (
	memoKey struct{}
	cutKey  struct {
		s     string
		limit int
	}
)

func memoOf(sh *facts.Sheet) *sheetMemo {
	return sh.Memo(memoKey{}, func() any {
		m := &sheetMemo{check: check.MemoOf(sh), story: storyTexts(sh)}
		m.lower = make([]string, len(sh.Sentences))
		for i, s := range sh.Sentences {
			m.lower[i] = strings.ToLower(s.Text)
		}
		return m
	}).(*sheetMemo)
}

// splitLong is rephrase.SplitLong(s, limit), computed once. The caller
// must not modify the pieces.
func (m *sheetMemo) splitLong(s string, limit int) []string {
	return m.cuts.Get(cutKey{s, limit}, func() []string { return rephrase.SplitLong(s, limit) })
}

// looksPassive is check.LooksPassive(s), read once per sheet by the
// plan, the writer and the analyses alike (check.MemoOf).
func (m *sheetMemo) looksPassive(s string) bool { return m.check.LooksPassive(s) }

// phrases is chunk.Phrases(text) of sentence id, computed once. The
// caller must not modify the phrases.
func (m *sheetMemo) phrases(id int, text string) []chunk.Phrase {
	return m.chunks.Get(id, func() []chunk.Phrase { return chunk.Phrases(text) })
}

// denialAt is denialAt(text) of sentence id, computed once.
func (m *sheetMemo) denialAt(id int, text string) int {
	return m.denial.Get(id, func() int { return denialAt(text) })
}

// unpublishable reports whether sentence s is garbled by its source or is
// the page's furniture (facts.Spliced, facts.Furniture), once a sheet.
func (m *sheetMemo) unpublishable(s facts.Sentence) bool {
	return m.unfit.Get(s.ID, func() bool { return facts.Spliced(s.Text) || facts.Furniture(s.Text) })
}
