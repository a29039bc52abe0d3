package typo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// gaps decides every whitespace run (possibly empty) between two tokens from
// the decided neighbours. It reports whether any token or gap changes.
func (e *engine) gaps() bool {
	toks := e.toks
	changed := false
	for i := range toks {
		t := &toks[i]
		if t.chg {
			changed = true
		}
		g := e.s[t.gap:t.start]
		if t.kind == kNL && i > 0 && e.s[toks[i-1].start:toks[i-1].end] == "\r" && e.s[t.start] == '\n' {
			continue // "\r \n" must not become the single break "\r\n"
		}
		if i == 0 || toks[i-1].kind == kNL || t.kind == kNL || t.kind == kEOF {
			if g != "" { // no space at a line start or end
				t.gout, t.grule, t.gchg = "", RuleSpacing, true
				changed = true
			}
			continue
		}
		want, rule := e.gapRule(i, g)
		if want != g {
			t.gout, t.grule, t.gchg = want, rule, true
			changed = true
		}
	}
	return changed
}

// closerLike are the marks after which a space before , . ) ] … goes and
// before which high punctuation takes its no-break space, as after a word.
func closerLike(c rune) bool {
	switch c {
	case '»', '”', ')', ']', '}', '…', '%', '‰', '€', '$', '£', '*', '_', '’', '\'', '"', '°', '²', '³':
		return true
	}
	return false
}

func (e *engine) gapRule(i int, g string) (string, string) {
	toks := e.toks
	L, R := &toks[i-1], &toks[i]
	lc, rc := L.ch(), R.ch()
	if R.group {
		return NNBSP, RuleNumberGrouping
	}
	if L.elide {
		return "", RuleApostrophe
	}
	if lc == '«' || rc == '»' {
		return e.sp.guil, RuleQuotes
	}
	if (rc == ';' || rc == '!' || rc == '?' || rc == ':') && e.highEligible(i, g, rc) {
		if rc == ':' {
			return e.sp.colon, RuleNbspBeforeHigh
		}
		return e.sp.high, RuleNbspBeforeHigh
	}
	if L.kind == kNum && e.isUnit(i) && (g != "" || rc == '%' || rc == '‰' || rc == '€') {
		return NBSP, RuleSpacing
	}
	if g != "" {
		if e.st.TitleNbsp && e.civility(i) {
			return NBSP, RuleSpacing
		}
		if (rc == ',' || rc == ')' || rc == ']' || rc == '…' || (rc == '.' && e.breakAfter(i))) &&
			(L.wordish() || closerLike(lc)) {
			return "", RuleSpacing
		}
		if (lc == '(' || lc == '[') && (R.wordish() || rc == '«' || rc == '“' || rc == '…') {
			return "", RuleSpacing
		}
	} else {
		if lc == ',' && R.kind == kWord && i >= 2 && toks[i-2].kind == kWord {
			return " ", RuleSpacing
		}
		if lc == '»' && (R.kind == kWord || R.kind == kNum) {
			return " ", RuleQuotes
		}
		if rc == '«' && (L.kind == kWord || L.kind == kNum) {
			return " ", RuleQuotes
		}
	}
	return normGap(g), RuleSpacing
}

// highEligible reports whether the high punctuation at i is French sentence
// punctuation that takes a space before it, rather than part of a time
// (14:30), a scheme, an emoticon or a run such as ?!.
func (e *engine) highEligible(i int, g string, rc rune) bool {
	L := &e.toks[i-1]
	if !L.wordish() && !closerLike(L.ch()) {
		return false
	}
	if rc == '!' && e.adj(i+1) && e.toks[i+1].ch() == '[' { // ![image](…)
		return false
	}
	if g != "" || e.lineEdge(i+1) || !e.adj(i+1) {
		return true
	}
	if rc == ':' {
		// A colon glued to what follows is a time, a scheme or an
		// identifier; but "»" always gets its space, in this very pass.
		return e.toks[i+1].ch() == '»'
	}
	return !e.toks[i+1].wordish()
}

// breakAfter reports whether token i is followed by a space, a line end or
// a closing mark: a full stop rather than the dot of .NET or 3.5.
func (e *engine) breakAfter(i int) bool {
	if e.lineEdge(i+1) || !e.adj(i+1) {
		return true
	}
	switch e.toks[i+1].ch() {
	case '»', '”', ')', ']', '"', '*', '_':
		return true
	}
	return false
}

// civility reports a gap between a civility abbreviation and a capitalised
// name: M. Dupont, Mme Psaki.
func (e *engine) civility(i int) bool {
	R := &e.toks[i]
	if R.kind != kWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(e.text(i))
	if !unicode.IsUpper(r) {
		return false
	}
	L := &e.toks[i-1]
	switch L.kind {
	case kDots:
		// "M ." counts: the space before the dot goes in the same pass.
		if L.n == 1 && i >= 2 && e.toks[i-2].kind == kWord {
			switch e.text(i - 2) {
			case "M", "MM":
				return true
			}
		}
	case kWord:
		switch e.text(i - 1) {
		case "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Mgr":
			return true
		}
	}
	return false
}

// normGap collapses a run of spaces to one: the first no-break space of the
// run if it holds one (the writer asked for it), else U+0020. A single tab
// becomes a space; any other single space character is kept.
func normGap(g string) string {
	switch g {
	case "", " ":
		return g
	case "\t":
		return " "
	}
	if r, n := utf8.DecodeRuneInString(g); n == len(g) && r != utf8.RuneError {
		return g
	}
	for _, r := range g {
		switch r {
		case '\u00a0':
			return NBSP
		case '\u202f':
			return NNBSP
		}
	}
	return " "
}

// render writes the decided text.
func (e *engine) render(b *strings.Builder) {
	s := e.s
	b.Grow(len(s) + len(s)/16)
	last := 0
	for i := range e.toks {
		t := &e.toks[i]
		if t.gchg {
			b.WriteString(s[last:t.gap])
			b.WriteString(t.gout)
			last = t.start
		}
		if t.chg {
			b.WriteString(s[last:t.start])
			b.WriteString(t.out)
			last = t.end
		}
	}
	b.WriteString(s[last:])
}

// issues appends the decided changes as Issues, offset by base, merging
// touching changes of the same rule (“Storm → «\u00a0Storm is one issue).
func (e *engine) issues(dst []Issue, base int) []Issue {
	s := e.s
	add := func(start, end int, rule, want string) {
		if n := len(dst); n > 0 && dst[n-1].End == start+base && dst[n-1].Rule == rule {
			dst[n-1].End = end + base
			dst[n-1].Found += s[start:end]
			dst[n-1].Want += want
			return
		}
		dst = append(dst, Issue{Start: start + base, End: end + base, Rule: rule, Found: s[start:end], Want: want})
	}
	for i := range e.toks {
		t := &e.toks[i]
		if t.gchg {
			add(t.gap, t.start, t.grule, t.gout)
		}
		if t.chg {
			add(t.start, t.end, t.rule, t.out)
		}
	}
	return dst
}
