package typo

import (
	"strings"
	"sync"
)

// Issue is one place where a text departs from French typography: the bytes
// s[Start:End] (Found) that Fix replaces with Want. An insertion has
// Start == End.
type Issue struct {
	Start, End int
	Rule       string // one of the Rule… constants
	Found      string
	Want       string
}

var engines = sync.Pool{New: func() any { return new(engine) }}

// Fix returns s with French typography applied in style st. s is one unit of
// prose: a sentence, a heading, a paragraph or several paragraphs of plain
// text; for Markdown use FixMarkdown. Fix is idempotent, never changes a
// letter or digit (but ordinal suffixes when st.Ordinals is set) and never
// adds or removes a line break. It returns s itself when nothing changes.
func Fix(s string, st Style) string {
	e := engines.Get().(*engine)
	defer engines.Put(e)
	if !e.run(s, st) {
		return s
	}
	var b strings.Builder
	e.render(&b)
	return b.String()
}

// Check returns, in order, what Fix(s, st) would change, with byte offsets
// into s. Applying every Issue to s gives Fix(s, st).
func Check(s string, st Style) []Issue {
	e := engines.Get().(*engine)
	defer engines.Put(e)
	if !e.run(s, st) {
		return nil
	}
	return e.issues(nil, 0)
}

// Apply replaces, in s, every issue's Found with its Want. The issues must
// be sorted and must not overlap, as Check returns them; Apply(s, Check(s))
// equals Fix(s).
func Apply(s string, issues []Issue) string {
	var b strings.Builder
	last := 0
	for _, is := range issues {
		if is.Start < last || is.End > len(s) || is.Start > is.End {
			continue
		}
		b.WriteString(s[last:is.Start])
		b.WriteString(is.Want)
		last = is.End
	}
	b.WriteString(s[last:])
	return b.String()
}
