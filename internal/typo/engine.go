package typo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind classifies a token.
type kind uint8

const (
	kWord  kind = iota // letters and marks (and non-ASCII digits)
	kNum               // ASCII digits
	kPunct             // one punctuation or symbol rune
	kDots              // a run of '.'
	kHyph              // a run of '-'
	kLQ                // `` : LaTeX opening quote
	kRQ                // '' : LaTeX closing quote
	kProt              // a protected span
	kNL                // a line break
	kEOF               // end of input, carries the trailing gap
)

// token is one unit of text and the whitespace gap before it. The output of
// the token (out) and of its gap (gout) are decided by the passes below.
type token struct {
	gap, start, end int // gap is s[gap:start], the token s[start:end]
	kind            kind
	group           bool  // the gap is inside a grouped number
	elide           bool  // an elision apostrophe followed by a space to remove
	chg, gchg       bool  // out / gout are set
	r               rune  // kPunct: the rune
	oc              rune  // output rune of a rewritten punctuation token, 0 if unchanged
	n               int32 // kDots, kHyph: run length; kNum: digit count
	out, gout       string
	rule, grule     string
}

// ch returns the punctuation rune the token will be rendered as, or 0 for
// words, numbers, protected spans and multi-rune tokens.
func (t *token) ch() rune {
	if t.oc != 0 {
		return t.oc
	}
	switch t.kind {
	case kPunct:
		return t.r
	case kDots:
		if t.n == 1 {
			return '.'
		}
	case kHyph:
		if t.n == 1 {
			return '-'
		}
	}
	return 0
}

func (t *token) wordish() bool { return t.kind == kWord || t.kind == kNum || t.kind == kProt }

func (t *token) set(out string, oc rune, rule string) {
	t.out, t.oc, t.rule, t.chg = out, oc, rule, true
}

// engine holds the state of one run over one string.
type engine struct {
	s     string
	st    Style
	sp    spaces
	toks  []token
	spans []span
	// scratch space of the quote pass
	stack     []int32
	qin, qout []rune
	qnext     []rune
	qpair     []int32
	qstacks   [4][]int32
}

// run tokenises s and decides every token and gap. It reports whether
// anything changes.
func (e *engine) run(s string, st Style) bool {
	e.s, e.st, e.sp = s, st, st.spaces()
	e.spans = protectedSpans(s, e.spans[:0])
	e.toks = e.toks[:0]
	e.tokenize()
	e.quotes()
	e.words()
	e.numbers()
	return e.gaps()
}

func (e *engine) add(t token) {
	e.toks = append(e.toks, t)
}

func (e *engine) tokenize() {
	s := e.s
	si := 0
	next := len(s) // start of the next protected span
	if len(e.spans) > 0 {
		next = e.spans[0].start
	}
	gap := 0
	for i := 0; i < len(s); {
		if i == next {
			end := e.spans[si].end
			e.add(token{gap: gap, start: i, end: end, kind: kProt})
			i, gap = end, end
			si++
			next = len(s)
			if si < len(e.spans) {
				next = e.spans[si].start
			}
			continue
		}
		c := s[i]
		st := i
		k := kPunct
		var r rune
		var n int32
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\v' || c == '\f':
				i++
				continue
			case c == '\n' || c == '\r':
				i++
				if c == '\r' && i < len(s) && s[i] == '\n' {
					i++
				}
				k = kNL
			case isASCIILetter(c):
				k = kWord
				i = e.scanWord(i, next)
			case isDigitByte(c):
				k = kNum
				for i < next && isDigitByte(s[i]) {
					i++
				}
				n = int32(i - st)
			case c == '.' || c == '-':
				k = kDots
				if c == '-' {
					k = kHyph
				}
				for i < next && s[i] == c {
					i++
				}
				n = int32(i - st)
			case c == '`' || c == '\'':
				// Exactly two make a LaTeX quote; other runs are single marks.
				n := 1
				for i+n < next && s[i+n] == c {
					n++
				}
				if n == 2 {
					k = kLQ
					if c == '\'' {
						k = kRQ
					}
					i += 2
					break
				}
				for range n - 1 {
					e.add(token{gap: gap, start: i, end: i + 1, kind: kPunct, r: rune(c)})
					i++
					gap = i
				}
				st = i
				r = rune(c)
				i++
			default:
				r = rune(c)
				i++
			}
		} else {
			rr, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case rr == 0x85 || rr == 0x2028 || rr == 0x2029:
				k = kNL
				i += size
			case isSpaceRune(rr):
				i += size
				continue
			case isWordRune(rr):
				k = kWord
				i = e.scanWord(i, next)
			default:
				r = rr
				i += size
			}
		}
		e.add(token{gap: gap, start: st, end: i, kind: k, r: r, n: n})
		gap = i
	}
	e.add(token{gap: gap, start: len(s), end: len(s), kind: kEOF})
}

func (e *engine) scanWord(i, lim int) int {
	s := e.s
	for i < lim {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// isSpaceRune reports horizontal whitespace, no-break spaces included.
func isSpaceRune(r rune) bool {
	return r != 0x85 && r != 0x2028 && r != 0x2029 && r != '\n' && r != '\r' && unicode.IsSpace(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

func (e *engine) text(i int) string { return e.s[e.toks[i].start:e.toks[i].end] }

// adj reports whether token i touches the token before it (empty gap).
func (e *engine) adj(i int) bool {
	return i > 0 && i < len(e.toks) && e.toks[i].gap == e.toks[i].start
}

// lineEdge reports whether token i is a line break or the end of input.
func (e *engine) lineEdge(i int) bool {
	return i >= len(e.toks) || e.toks[i].kind == kNL || e.toks[i].kind == kEOF
}

// ---- numbers ----

// numbers groups digits by three with U+202F: a lone run of five digits or
// more (or four before a unit), and runs already written in groups of three
// separated by one space. Years, identifiers, codes, decimals, times and
// ranges are left alone by the neighbour tests of numStartOK and numEndOK.
func (e *engine) numbers() {
	toks := e.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != kNum {
			continue
		}
		a := i
		d := toks[a].n
		lead0 := e.s[toks[a].start] == '0'
		b := a
		if d <= 3 && !lead0 {
			for j := a + 1; j < len(toks) && toks[j].kind == kNum && toks[j].n == 3 && e.singleSpaceGap(j); j++ {
				b = j
			}
		}
		if b > a {
			if e.numStartOK(a) && e.numEndOK(b) {
				for j := a + 1; j <= b; j++ {
					toks[j].group = true
				}
			}
			i = b
			continue
		}
		if lead0 || d < 4 || !e.numStartOK(a) || !e.numEndOK(a) {
			continue
		}
		if d == 4 && !(e.st.GroupFourDigits && e.unitFollows(a)) {
			continue
		}
		// A number written next to another one with a single space is a
		// grouping we cannot read (12345 678): leave it as the writer did.
		if (a+1 < len(toks) && toks[a+1].kind == kNum && e.singleSpaceGap(a+1)) ||
			(a > 0 && toks[a-1].kind == kNum && e.singleSpaceGap(a)) {
			continue
		}
		if d == 5 && e.postalCode(a) {
			continue
		}
		toks[a].set(groupDigits(e.text(a)), 0, RuleNumberGrouping)
	}
}

// singleSpaceGap reports whether token j is separated from the one before
// by whitespace on the same line. Any run counts, not only one space: the
// spacing rules collapse it in the same pass, and Fix must be idempotent.
func (e *engine) singleSpaceGap(j int) bool {
	return j > 0 && e.toks[j].gap < e.toks[j].start && e.toks[j-1].kind != kNL
}

func (e *engine) numStartOK(a int) bool {
	if !e.adj(a) {
		return true
	}
	p := &e.toks[a-1]
	if p.ch() == '…' { // "..." turned "…" in this pass
		return true
	}
	switch p.kind {
	case kWord, kNum, kProt, kDots, kHyph:
		return false
	case kPunct:
		return !strings.ContainsRune("/,:+#°'’_&=~^\\|–—", p.r)
	}
	return true
}

func (e *engine) numEndOK(b int) bool {
	if b+1 >= len(e.toks) || !e.adj(b+1) {
		return true
	}
	q := &e.toks[b+1]
	switch q.kind {
	case kLQ, kRQ: // a converted « or » gets a space before it in this pass
		return q.oc != 0
	case kWord, kNum, kProt, kHyph:
		return false
	case kDots:
		return !(q.n == 1 && e.adj(b+2) && e.toks[b+2].kind == kNum)
	case kPunct:
		if q.ch() == '«' {
			return true
		}
		if q.r == ':' { // 10:30, but "30000 :" takes its space before the colon
			return !(e.adj(b+2) && e.toks[b+2].kind == kNum)
		}
		return !strings.ContainsRune("/°'’_&=+–—", q.r)
	}
	return true
}

// postalCode reports a five-digit number followed by a capitalised word:
// 75008 Paris.
func (e *engine) postalCode(a int) bool {
	if a+1 >= len(e.toks) || e.toks[a+1].kind != kWord || e.adj(a+1) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(e.text(a + 1))
	return unicode.IsUpper(r)
}

// unitFollows reports a unit, currency or % after the number at a, possibly
// after a decimal part (1500,50 €).
func (e *engine) unitFollows(a int) bool {
	j := a
	if j+2 < len(e.toks) && e.toks[j+1].kind == kPunct && e.toks[j+1].r == ',' && e.adj(j+1) &&
		e.toks[j+2].kind == kNum && e.adj(j+2) {
		j += 2
	}
	return e.isUnit(j + 1)
}

// isUnit reports whether token k is a unit symbol that takes a no-break
// space after a number.
func (e *engine) isUnit(k int) bool {
	if k >= len(e.toks) {
		return false
	}
	t := &e.toks[k]
	switch t.kind {
	case kPunct:
		switch t.r {
		case '%', '‰', '€', '$', '£', '¥', '°':
			return true
		}
	case kWord:
		w := e.text(k)
		// A unit is a whole word: "2 m’a" is not metres.
		if k+1 < len(e.toks) && e.adj(k+1) {
			switch e.toks[k+1].ch() {
			case '\'', '’':
				return false
			case '€', '$', '£':
				switch w {
				case "M", "Md", "Mds", "Mrd", "Mrds", "k", "K":
					return true
				}
			}
			if e.toks[k+1].kind == kNum {
				return false
			}
		}
		return units[w]
	}
	return false
}

var units = map[string]bool{
	"km": true, "m": true, "cm": true, "mm": true, "µm": true, "nm": true,
	"kg": true, "g": true, "mg": true, "ha": true, "ml": true, "cl": true, "dl": true,
	"h": true, "min": true, "ms": true,
	"Ko": true, "ko": true, "Mo": true, "Go": true, "To": true, "Po": true,
	"kb": true, "Mb": true, "Gb": true, "kbit": true, "Mbit": true, "Gbit": true,
	"W": true, "kW": true, "MW": true, "GW": true, "kWh": true, "MWh": true, "GWh": true, "TWh": true,
	"V": true, "kV": true, "Hz": true, "kHz": true, "MHz": true, "GHz": true, "dB": true, "px": true,
	"km²": true, "m²": true, "m³": true,
}

// groupDigits inserts U+202F every three digits from the right.
func groupDigits(d string) string {
	var b strings.Builder
	b.Grow(len(d) + (len(d)-1)/3*len(NNBSP))
	first := len(d) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(d[:first])
	for i := first; i < len(d); i += 3 {
		b.WriteString(NNBSP)
		b.WriteString(d[i : i+3])
	}
	return b.String()
}

// ---- per-token rewrites ----

// words decides apostrophes, ellipses, dashes and ordinal suffixes.
func (e *engine) words() {
	toks := e.toks
	for i := range toks {
		t := &toks[i]
		switch t.kind {
		case kPunct:
			switch t.r {
			case '\'', '‘', '´', '’':
				if !e.adj(i) || toks[i-1].kind != kWord || e.lineEdge(i+1) || toks[i+1].kind != kWord {
					break
				}
				if e.adj(i + 1) {
					if t.r != '’' {
						t.set("’", '’', RuleApostrophe)
					}
				} else if elides(e.text(i - 1)) {
					// "l' État", a machine-translation habit: the space goes too.
					t.elide = true
					if t.r != '’' {
						t.set("’", '’', RuleApostrophe)
					}
				}
			case '…':
				// "etc…." would become "etc.." and then "etc.": leave it.
				if e.afterEtc(i) && !(e.adj(i+1) && toks[i+1].kind == kDots) {
					t.set(".", '.', RuleEllipsis)
				}
			}
		case kDots:
			switch {
			case (t.n == 2 || t.n == 3) && e.afterEtc(i):
				t.set(".", '.', RuleEllipsis)
			case t.n == 3:
				t.set("…", '…', RuleEllipsis)
			}
		case kHyph:
			// Spaced on both sides, counting the space « and » get in
			// this pass, so that Fix stays idempotent.
			if (t.n == 1 || t.n == 2) && i > 0 && toks[i-1].kind != kNL && !e.lineEdge(i+1) &&
				(!e.adj(i) || toks[i-1].ch() == '«') && (!e.adj(i+1) || toks[i+1].ch() == '»') &&
				toks[i-1].kind != kNum && toks[i+1].kind != kNum {
				t.set("–", '–', RuleDash)
			}
		case kWord:
			if !e.st.Ordinals {
				continue
			}
			w := e.text(i)
			if e.adj(i) && toks[i-1].kind == kNum {
				if i >= 2 && e.adj(i-1) && (toks[i-2].kind == kWord || toks[i-2].kind == kHyph) {
					continue
				}
				num := e.text(i - 1)
				if rep, ok := ordinalSuffix(w, num[len(num)-1]); ok && !e.wordGoesOn(i) {
					t.set(rep, 0, RuleOrdinal)
				}
			} else if rep, ok := romanOrdinal(w); ok && !e.wordGoesOn(i) {
				t.set(rep, 0, RuleOrdinal)
			}
		}
	}
}

// elides reports the French words that elide before a vowel: l’, d’,
// qu’, jusqu’…
func elides(w string) bool {
	switch strings.ToLower(w) {
	case "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu":
		return true
	}
	return false
}

// wordGoesOn reports a word glued to an apostrophe or hyphen after it, which
// makes it something other than an ordinal suffix.
func (e *engine) wordGoesOn(i int) bool {
	if !e.adj(i + 1) {
		return false
	}
	switch e.toks[i+1].kind {
	case kHyph, kNum:
		return true
	}
	switch e.toks[i+1].ch() {
	case '\'', '’':
		return true
	}
	return false
}

// afterEtc reports dots after "etc", with or without a space: the space
// goes by the spacing rules, so "etc ..." must give "etc." in one pass.
func (e *engine) afterEtc(i int) bool {
	return i > 0 && e.toks[i-1].kind == kWord && strings.EqualFold(e.text(i-1), "etc")
}

// ordinalSuffix maps the suffix written after a number to the one the
// Lexique asks for.
func ordinalSuffix(w string, lastDigit byte) (string, bool) {
	switch w {
	case "ème", "eme", "ième", "ieme", "éme":
		return "e", true
	case "èmes", "emes", "ièmes", "iemes", "émes":
		return "es", true
	case "ère", "ere", "iere", "ière":
		return "re", true
	case "ères", "eres", "ières", "ieres":
		return "res", true
	case "nd", "nde", "nds", "ndes":
		if lastDigit == '2' {
			return w[1:], true
		}
	}
	return "", false
}

// romanOrdinal rewrites XIXème → XIXe.
func romanOrdinal(w string) (string, bool) {
	n := 0
	for n < len(w) && strings.IndexByte("IVXLCDM", w[n]) >= 0 {
		n++
	}
	if n == 0 || n == len(w) {
		return "", false
	}
	switch w[n:] {
	case "ème", "ième", "eme", "ieme":
		return w[:n] + "e", true
	case "èmes", "ièmes", "emes", "iemes":
		return w[:n] + "es", true
	}
	return "", false
}
