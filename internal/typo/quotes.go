package typo

// Quote marks as the pairing sees them: the rune of a punctuation token, or
// one of these for the two-character LaTeX quotes.
const (
	qLatexOpen  rune = 1 // two backticks
	qLatexClose rune = 2 // two apostrophes
)

// quotes pairs quotation marks and rewrites the French ones: a pair of
// straight "…", curly “…” or LaTeX (two backticks, two apostrophes) quotes
// becomes « … » at the outer level and “…” inside another quotation, as the
// Lexique asks. Unpaired marks are left alone: a lone " may be an inch
// sign, a lone « a quotation running over several paragraphs.
//
// Each paragraph (text between blank lines) is decided on its own, then
// decided again as the next run of Fix would see it; if that second
// reading would still change a quote (stray marks make the nesting
// ambiguous), the paragraph's quotes are left as they are, so that Fix
// stays idempotent.
func (e *engine) quotes() {
	toks := e.toks
	lo := 0
	for i := range toks {
		if toks[i].kind == kEOF || (toks[i].kind == kNL && i > 0 && toks[i-1].kind == kNL) {
			e.quoteParagraph(lo, i)
			lo = i + 1
		}
	}
}

// quoteRune returns the quote mark token i stands for, or 0.
func (e *engine) quoteRune(i int) rune {
	t := &e.toks[i]
	switch t.kind {
	case kLQ:
		return qLatexOpen
	case kRQ:
		return qLatexClose
	case kPunct:
		switch t.r {
		case '«', '»', '“', '”', '"':
			return t.r
		}
	}
	return 0
}

func (e *engine) quoteParagraph(lo, hi int) {
	n := hi - lo
	if cap(e.qin) < n {
		e.qin = make([]rune, n)
		e.qout = make([]rune, n)
		e.qnext = make([]rune, n)
		e.qpair = make([]int32, n)
	}
	in, out := e.qin[:n], e.qout[:n]
	any := false
	for i := lo; i < hi; i++ {
		in[i-lo] = e.quoteRune(i)
		if c := in[i-lo]; c == '"' || c == '“' || c == qLatexOpen {
			any = true
		}
	}
	if !any {
		return
	}
	if !e.convertQuotes(lo, in, out) {
		return
	}
	// Read the result as the next run would.
	if e.convertQuotes(lo, out, e.qnext[:n]) {
		return
	}
	for k, c := range out {
		if c != in[k] {
			t := &e.toks[lo+k]
			t.set(string(c), c, RuleQuotes)
		}
	}
}

// convertQuotes pairs the marks in (one per token from lo, 0 for
// non-quotes) and writes the converted marks to out. It reports whether any
// mark changes.
func (e *engine) convertQuotes(lo int, in, out []rune) bool {
	pair := e.qpair[:len(in)]
	for k := range pair {
		pair[k] = -1
	}
	const (
		sGuil = iota
		sCurly
		sStraight
		sLatex
		nStacks
	)
	stacks := &e.qstacks
	for k := range stacks {
		stacks[k] = stacks[k][:0]
	}
	push := func(st, k int) { stacks[st] = append(stacks[st], int32(k)) }
	pop := func(st, k int) {
		if n := len(stacks[st]); n > 0 {
			o := stacks[st][n-1]
			stacks[st] = stacks[st][:n-1]
			pair[o], pair[k] = int32(k), o
		}
	}
	for k, c := range in {
		switch c {
		case qLatexOpen:
			push(sLatex, k)
		case qLatexClose:
			pop(sLatex, k)
		case '«':
			push(sGuil, k)
		case '»':
			pop(sGuil, k)
		case '“':
			push(sCurly, k)
		case '”':
			pop(sCurly, k)
		case '"':
			i := lo + k
			// A neighbouring « or » counts as the space it gets.
			before := e.openSide(i) || (k > 0 && (in[k-1] == '«' || in[k-1] == '“' || in[k-1] == qLatexOpen))
			after := e.closeSide(i) || (k+1 < len(in) && (in[k+1] == '»' || in[k+1] == '”' || in[k+1] == qLatexClose))
			switch {
			case before && !after:
				push(sStraight, k)
			case before && after && len(stacks[sStraight]) == 0:
				push(sStraight, k)
			default: // a closer, or glued on both sides: only ever a closer
				pop(sStraight, k)
			}
		}
	}
	// Depth: every « and every paired opener counts, so that quotes inside
	// an unclosed « stay “…”.
	depth := e.stack[:0]
	changed := false
	for k, c := range in {
		out[k] = c
		if c == 0 {
			continue
		}
		if c == '«' {
			depth = append(depth, int32(k))
			continue
		}
		p := pair[k]
		if p < 0 {
			continue
		}
		if int(p) > k { // opener
			if c != '«' {
				if len(depth) == 0 {
					out[k] = '«'
				} else {
					out[k] = '“'
				}
			}
			depth = append(depth, int32(k))
		} else {
			for d := len(depth) - 1; d >= 0; d-- {
				if depth[d] == p {
					depth = depth[:d]
					break
				}
			}
			switch out[p] {
			case '«':
				out[k] = '»'
			case '“':
				out[k] = '”'
			}
		}
		if out[k] != c {
			changed = true
		}
	}
	e.stack = depth
	return changed
}

// openSide reports whether a straight quote at i has space (or an opening
// bracket) before it, as an opening quote has.
func (e *engine) openSide(i int) bool {
	if i == 0 || !e.adj(i) {
		return true
	}
	p := &e.toks[i-1]
	switch p.kind {
	case kNL, kHyph:
		return true
	case kPunct:
		switch p.r {
		case '(', '[', '{', '«', '“', '‘', '—', '–', '/':
			return true
		}
	}
	return false
}

// closeSide reports whether a straight quote at i has space or sentence
// punctuation after it, as a closing quote has.
func (e *engine) closeSide(i int) bool {
	if e.lineEdge(i+1) || !e.adj(i+1) {
		return true
	}
	q := &e.toks[i+1]
	switch q.kind {
	case kDots:
		return true
	case kPunct:
		switch q.r {
		case ',', ';', ':', '!', '?', ')', ']', '}', '»', '”', '…':
			return true
		}
	}
	return false
}
