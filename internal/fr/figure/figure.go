package figure

import (
	"strings"
)

// Kind says what a Figure measures.
type Kind uint8

// The kinds of figures.
const (
	Count   Kind = iota // a number of things: "30 000 clients", "deux pays", "des milliers"
	Percent             // "12,5 %", "cinq pour cent"
	Money               // "5 millions de dollars", "3 €"; Unit holds the ISO 4217 code
	Year                // "1992", "en 2021"
	Ordinal             // "3e", "1er", "troisième"
	Ratio               // "24/7": Value is the numerator, Denominator the rest
)

var kindNames = [...]string{"count", "percent", "money", "year", "ordinal", "ratio"}

// String returns the kind's lower-case English name, the one used in keys.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Qualifier is the hedge that comes with a figure. Fact checking needs it:
// "plus de 20 000" and "20 000" do not claim the same thing.
type Qualifier uint8

// The qualifiers, with the French that gives them.
const (
	Exact    Qualifier = iota // no hedge
	About                     // environ, quelque, autour de, à peu près, une dizaine
	Nearly                    // près de, presque, quasiment
	MoreThan                  // plus de
	AtLeast                   // au moins, pas moins de, au minimum
	LessThan                  // moins de
	AtMost                    // au plus, au maximum, pas plus de
	UpTo                      // jusqu'à
)

var qualifierNames = [...]string{"exact", "about", "nearly", "more-than", "at-least", "less-than", "at-most", "up-to"}

// String returns the qualifier's English name.
func (q Qualifier) String() string {
	if int(q) < len(qualifierNames) {
		return qualifierNames[q]
	}
	return "unknown"
}

// Figure is one number found in French text.
type Figure struct {
	// Text is the figure as written, qualifier and unit included
	// ("plus de 20 000", "1,2 million", "5 millions de dollars", "des dizaines
	// de milliers"); it is always Sentence[Start:End].
	Text       string
	Start, End int
	// Value is the normalised number. For a vague figure it is a lower bound:
	// "des dizaines de milliers" is 20 000 (at least two tens of thousands).
	Value float64
	Kind  Kind
	// Vague marks quantities given as an order of magnitude ("des milliers").
	Vague     bool
	Qualifier Qualifier
	// Unit is "%" for percentages, an ISO 4217 code for money, a symbol for
	// measures ("km", "t"), or empty.
	Unit string
	// Noun is the word the figure counts, lower-cased, after any "de" and
	// pre-nominal adjective: "organisations" in "plus de 20 000 petites
	// organisations", "personnes" in "1,2 million de personnes". It is empty
	// when no noun follows ("250 000 dans le monde").
	Noun string
	// Denominator is set for ratios only (7 in "24/7").
	Denominator float64
}

// Key is a canonical form of the figure's quantity, equal for two mentions
// written differently: "30 000", "30 000" and "30000" share "count:30000",
// "1,2 million" and "1 200 000" share "count:1200000". It holds the kind,
// value and unit but neither the qualifier nor the noun, so that a checker
// can find that "plus de 20 000" and "20 000" speak of one number and then
// compare their hedges itself.
func (f Figure) Key() string {
	var b strings.Builder
	if f.Vague {
		b.WriteString("vague-")
	}
	b.WriteString(f.Kind.String())
	b.WriteByte(':')
	b.WriteString(formatValue(f.Value))
	if f.Kind == Ratio {
		b.WriteByte('/')
		b.WriteString(formatValue(f.Denominator))
	}
	if f.Unit != "" {
		b.WriteByte(':')
		b.WriteString(f.Unit)
	}
	return b.String()
}

// NounLemma returns Noun without its plural mark, a rough lemma good enough to
// match "organisation" with "organisations" ("-aux" nouns keep their form).
func (f Figure) NounLemma() string {
	n := f.Noun
	if len(n) > 3 && (strings.HasSuffix(n, "s") || strings.HasSuffix(n, "x")) && !strings.HasSuffix(n, "aux") {
		return n[:len(n)-1]
	}
	return n
}

// Figures returns the figures of sentence in the order they appear. It works
// on any text, not only one sentence. Day numbers and times that belong to a
// date ("2 avril", "14h30") are left to Dates; bare years are figures of kind
// Year and dates as well.
func Figures(sentence string) []Figure {
	toks := scan(sentence)
	skip := make([]bool, len(toks))
	for _, d := range findDates(sentence, toks) {
		if d.yearOnly() {
			continue
		}
		for k := d.first; k < d.next; k++ {
			skip[k] = true
		}
	}
	var out []Figure
	for i := 0; i < len(toks); {
		if skip[i] {
			i++
			continue
		}
		f, next, ok := figureAt(sentence, toks, i)
		if !ok {
			i++
			continue
		}
		// A figure must not reach into a date's tokens; if it does, it was a
		// misreading, and the date wins.
		clash := false
		for k := i; k < next && k < len(skip); k++ {
			clash = clash || skip[k]
		}
		if clash {
			i++
			continue
		}
		out = append(out, f)
		i = next
	}
	return out
}

// figureAt tries to read a figure starting at toks[i].
func figureAt(s string, toks []token, i int) (Figure, int, bool) {
	t := toks[i]
	switch t.kind {
	case kNum:
		return digitFigure(s, toks, i, i, "")
	case kPunct:
		// "$5", "€3": a currency symbol glued before digits.
		if cur, ok := currencies[t.lower]; ok && i+1 < len(toks) && toks[i+1].kind == kNum && !toks[i+1].gap {
			return digitFigure(s, toks, i+1, i, cur)
		}
	case kWord:
		if f, next, ok := vagueFigure(s, toks, i); ok {
			return f, next, true
		}
		if r, ok := ordinalWords[t.lower]; ok {
			f := Figure{Value: r, Kind: Ordinal, Noun: nounAfter(toks, i+1, false)}
			return finish(s, toks, f, i, i+1), i + 1, true
		}
		return wordFigure(s, toks, i)
	}
	return Figure{}, 0, false
}

// gluedIdentifier reports whether the number at toks[i] is part of a name or
// code: "G7", "Storm-0558", "COVID-19", "v2".
func gluedIdentifier(toks []token, i int) bool {
	if i == 0 || toks[i].gap {
		return false
	}
	p := toks[i-1]
	if p.kind == kWord {
		return true
	}
	if p.kind == kPunct && i >= 2 && !p.gap && toks[i-2].kind != kPunct && toks[i-2].lower != "mi" {
		switch p.lower {
		case "-", "‑", "_", "/", ".", ":", "#", "°", "@":
			return true
		}
	}
	return false
}

// namePrefixes are words after which a number is a reference, not a quantity.
var namePrefixes = setOf("n°", "no", "numéro", "article", "page", "version", "chapitre", "alinéa", "saison", "épisode", "tome", "ligue", "série")

// digitFigure reads a figure whose number is written in digits at toks[i];
// first is where the figure's text starts (a currency prefix), prefixCur the
// currency of that prefix.
func digitFigure(s string, toks []token, i, first int, prefixCur string) (Figure, int, bool) {
	if gluedIdentifier(toks, i) {
		return Figure{}, 0, false
	}
	sign := 1.0
	if first == i && i > 0 && !toks[i].gap && toks[i-1].kind == kPunct && (i == 1 || toks[i-1].gap) {
		switch toks[i-1].lower {
		case "-", "−":
			sign, first = -1, i-1
		case "+":
			first = i - 1
		}
	}
	n := readNumeral(s, toks, i)
	j := n.next
	if j < len(toks) && !toks[j].gap {
		tj := toks[j]
		switch {
		case tj.kind == kWord && n.plain && ordinalSuffixes[tj.lower]:
			f := Figure{Value: n.value, Kind: Ordinal, Noun: nounAfter(toks, j+1, false)}
			return finish(s, toks, f, first, j+1), j + 1, true
		case tj.kind == kWord && (tj.lower == "m" || tj.lower == "md" || tj.lower == "mds" || tj.lower == "mrd" || tj.lower == "k") && j+1 < len(toks) && isCurrencySymbol(toks[j+1]):
			// "5M€", "2Md€": handled by readTail below.
		case tj.kind == kWord:
			return Figure{}, 0, false // "4G", "14h30" (a time, see Dates), "3D"
		case tj.kind == kPunct && (tj.lower == "-" || tj.lower == "_") && j+1 < len(toks) && !toks[j+1].gap && toks[j+1].kind != kPunct:
			return Figure{}, 0, false // "2-0", "A-1-B"
		case tj.kind == kPunct && tj.lower == "/" && j+1 < len(toks) && toks[j+1].kind == kNum:
			if j+2 < len(toks) && punct(toks, j+2, "/") {
				return Figure{}, 0, false // a numeric date, see Dates
			}
			den := readNumeral(s, toks, j+1)
			f := Figure{Value: n.value, Kind: Ratio, Denominator: den.value}
			return finish(s, toks, f, first, den.next), den.next, true
		}
	}
	if n.leading {
		return Figure{}, 0, false // "0558" is a code
	}
	if i > 0 && toks[i-1].kind == kWord && namePrefixes[toks[i-1].lower] {
		return Figure{}, 0, false
	}
	tl := readTail(toks, j, sign*n.value, prefixCur)
	f := Figure{Value: tl.value, Kind: tl.kind, Unit: tl.unit}
	if f.Kind == Count && !tl.scaled && f.Unit == "" {
		if q, _ := qualifierBefore(toks, i); q == Exact && i > 0 && first == i && toks[i-1].kind == kWord && toks[i-1].upper &&
			!functionWords[toks[i-1].lower] && months[toks[i-1].lower] == 0 && toks[i].gap {
			return Figure{}, 0, false // "Office 365", "Windows 11": part of a name
		}
		if n.plain && n.digits == 4 && n.value >= 1000 && n.value <= 2100 && isYearContext(toks, i, tl.next) {
			f.Kind = Year
		}
	}
	if f.Kind != Year && f.Kind != Money {
		f.Noun = nounAfter(toks, tl.next, tl.scaled || f.Kind == Percent)
	}
	return finish(s, toks, f, first, tl.next), tl.next, true
}

// isYearContext decides whether a plain four-digit number in the year range,
// at toks[i] and ending before toks[next], is a year: it is when a year
// preposition precedes it ("en 2021", "fin 2020", "mi-2021") or when no noun
// follows it ("depuis 1992.", "2000 personnes" is a count).
func isYearContext(toks []token, i, next int) bool {
	if i > 0 {
		p := toks[i-1]
		if p.kind == kWord && yearPrepositions[p.lower] {
			return true
		}
		if p.kind == kPunct && p.lower == "-" && !toks[i].gap && word(toks, i-2, "mi") {
			return true
		}
		if months[p.lower] > 0 {
			return true
		}
	}
	return nounAfter(toks, next, false) == ""
}

func isCurrencySymbol(t token) bool {
	if t.kind != kPunct {
		return false
	}
	_, ok := currencies[t.lower]
	return ok
}

// tail is what follows a number: a scale, a percent sign, a currency, a unit.
type tail struct {
	value  float64
	kind   Kind
	unit   string
	scaled bool
	next   int
}

// readTail reads the scale, percent, currency or unit after a number whose
// last token is toks[j-1].
func readTail(toks []token, j int, v float64, prefixCur string) tail {
	tl := tail{value: v, kind: Count, next: j}
	if j < len(toks) && toks[j].kind == kWord {
		if m, ok := scaleValue[toks[j].lower]; ok {
			tl.value *= m
			tl.scaled = true
			j++
		} else if toks[j].lower == "millier" || toks[j].lower == "milliers" {
			tl.value *= 1000
			tl.scaled = true
			j++
		} else if j+1 < len(toks) && isCurrencySymbol(toks[j+1]) && !toks[j+1].gap {
			switch toks[j].lower {
			case "k":
				tl.value *= 1e3
				tl.scaled = true
				j++
			case "m":
				tl.value *= 1e6
				tl.scaled = true
				j++
			case "md", "mds", "mrd":
				tl.value *= 1e9
				tl.scaled = true
				j++
			}
		}
	}
	tl.next = j
	if prefixCur != "" {
		tl.kind, tl.unit = Money, prefixCur
		return tl
	}
	if j >= len(toks) {
		return tl
	}
	t := toks[j]
	switch {
	case t.kind == kPunct && (t.lower == "%" || t.lower == "٪"):
		tl.kind, tl.unit, tl.next = Percent, "%", j+1
	case word(toks, j, "pour") && word(toks, j+1, "cent"):
		tl.kind, tl.unit, tl.next = Percent, "%", j+2
	case word(toks, j, "pourcent", "pourcents"):
		tl.kind, tl.unit, tl.next = Percent, "%", j+1
	case word(toks, j, "livres") && word(toks, j+1, "sterling"):
		tl.kind, tl.unit, tl.next = Money, "GBP", j+2
	case currencies[t.lower] != "" && t.lower != "sterling":
		tl.kind, tl.unit, tl.next = Money, currencies[t.lower], j+1
	case tl.scaled && word(toks, j, "de", "d'") && j+1 < len(toks) && currencies[toks[j+1].lower] != "":
		tl.kind, tl.unit, tl.next = Money, currencies[toks[j+1].lower], j+2
	case tl.scaled && word(toks, j, "de") && word(toks, j+1, "livres") && word(toks, j+2, "sterling"):
		tl.kind, tl.unit, tl.next = Money, "GBP", j+3
	case t.kind == kWord && units[t.lower] != "":
		tl.unit, tl.next = units[t.lower], j+1
	}
	return tl
}

// nounAfter returns the noun a figure counts, starting at toks[j]: it skips
// "de"/"d'" (and "des"/"du") when allowDe is set, then pre-nominal adjectives.
func nounAfter(toks []token, j int, allowDe bool) string {
	if allowDe && word(toks, j, "de", "d'", "des", "du") {
		j++
	}
	for k := 0; k < 2 && j < len(toks) && toks[j].kind == kWord && adjectivesBeforeNoun[toks[j].lower]; k++ {
		j++
	}
	if j >= len(toks) || toks[j].kind != kWord {
		return ""
	}
	w := toks[j].lower
	if functionWords[w] || months[w] > 0 || len(w) < 2 || strings.HasSuffix(w, "'") {
		return ""
	}
	if _, ok := weekdays[w]; ok {
		return ""
	}
	if _, ok := wordValue[w]; ok {
		return ""
	}
	return w
}

// finish sets the qualifier and the text span of f, which covers toks[first]
// to toks[next-1] plus any qualifier before them.
func finish(s string, toks []token, f Figure, first, next int) Figure {
	// A written hedge overrides the "about" of "une dizaine": "plus d'une
	// dizaine" claims more than ten.
	if q, qfirst := qualifierBefore(toks, first); q != Exact {
		f.Qualifier, first = q, qfirst
	}
	f.Start = toks[first].start
	f.End = toks[next-1].end
	f.Text = s[f.Start:f.End]
	return f
}

// qualifierPatterns are matched right before a figure, longest first. "de"
// in a pattern also matches the elided "d'".
var qualifierPatterns = []struct {
	words []string
	q     Qualifier
}{
	{[]string{"un", "peu", "plus", "de"}, MoreThan},
	{[]string{"un", "peu", "moins", "de"}, LessThan},
	{[]string{"pas", "moins", "de"}, AtLeast},
	{[]string{"pas", "plus", "de"}, AtMost},
	{[]string{"à", "peu", "près"}, About},
	{[]string{"tout", "au", "plus"}, AtMost},
	{[]string{"plus", "de"}, MoreThan},
	{[]string{"moins", "de"}, LessThan},
	{[]string{"au", "moins"}, AtLeast},
	{[]string{"au", "minimum"}, AtLeast},
	{[]string{"au", "plus"}, AtMost},
	{[]string{"au", "maximum"}, AtMost},
	{[]string{"près", "de"}, Nearly},
	{[]string{"autour", "de"}, About},
	{[]string{"jusqu'", "à"}, UpTo},
	{[]string{"jusqu'", "au"}, UpTo},
	{[]string{"environ"}, About},
	{[]string{"quelque"}, About},
	{[]string{"approximativement"}, About},
	{[]string{"presque"}, Nearly},
	{[]string{"quasiment"}, Nearly},
	{[]string{"pratiquement"}, Nearly},
}

// qualifierBefore finds the hedge that ends right before toks[first].
func qualifierBefore(toks []token, first int) (Qualifier, int) {
	for _, p := range qualifierPatterns {
		k := first - len(p.words)
		if k < 0 {
			continue
		}
		ok := true
		for n, w := range p.words {
			t := toks[k+n]
			if t.kind != kWord || !(t.lower == w || (w == "de" && t.lower == "d'")) {
				ok = false
				break
			}
		}
		if ok {
			return p.q, k
		}
	}
	return Exact, first
}

// vagueFigure reads "des dizaines de milliers", "plusieurs centaines",
// "une dizaine", "un millier" at toks[i] (the collective noun or its article).
func vagueFigure(s string, toks []token, i int) (Figure, int, bool) {
	t := toks[i]
	base, ok := vagueWords[t.lower]
	if !ok || i == 0 {
		return Figure{}, 0, false
	}
	prev := toks[i-1]
	if prev.kind != kWord {
		return Figure{}, 0, false
	}
	f := Figure{Kind: Count}
	first := i
	plural := strings.HasSuffix(t.lower, "s")
	switch {
	case !plural && (prev.lower == "une" || prev.lower == "un"):
		f.Value, f.Qualifier, first = base, About, i-1
	case plural && vagueDeterminers[prev.lower]:
		f.Value, f.Vague = 2*base, true
		if prev.lower != "de" && prev.lower != "d'" && prev.lower != "par" {
			first = i - 1
		}
	default:
		return Figure{}, 0, false
	}
	j := i + 1
	if word(toks, j, "de", "d'") && word(toks, j+1, "milliers", "millions", "milliards") {
		f.Value *= vagueWords[toks[j+1].lower]
		j += 2
	}
	if word(toks, j, "de", "d'") && j+1 < len(toks) && currencies[toks[j+1].lower] != "" {
		f.Kind, f.Unit = Money, currencies[toks[j+1].lower]
		j += 2
	} else {
		f.Noun = nounAfter(toks, j, true)
	}
	return finish(s, toks, f, first, j), j, true
}

// wordFigure reads a number written in words ("deux", "vingt-cinq",
// "un million de personnes") at toks[i].
func wordFigure(s string, toks []token, i int) (Figure, int, bool) {
	v, j, ok := readWords(toks, i)
	if !ok {
		return Figure{}, 0, false
	}
	tl := readTail(toks, j, v, "")
	lone := j == i+1
	if lone && (toks[i].lower == "un" || toks[i].lower == "une") && !tl.scaled {
		return Figure{}, 0, false // an article, not a number
	}
	if i > 0 && toks[i-1].kind == kPunct && toks[i-1].lower == "-" && !toks[i].gap {
		return Figure{}, 0, false // "a-t-il", "peut-être" shapes
	}
	f := Figure{Value: tl.value, Kind: tl.kind, Unit: tl.unit}
	if f.Kind != Money {
		f.Noun = nounAfter(toks, tl.next, tl.scaled || f.Kind == Percent)
	}
	// "neuf" is also "new" ("tout neuf", "à neuf"): trust it only before a noun.
	if lone && toks[i].lower == "neuf" && f.Noun == "" && !tl.scaled && f.Kind == Count {
		return Figure{}, 0, false
	}
	return finish(s, toks, f, i, tl.next), tl.next, true
}
