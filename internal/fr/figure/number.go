package figure

import (
	"strconv"
	"strings"
)

// numeral is a number written with digits, possibly grouped ("30 000",
// "30.000") and with a decimal part ("12,5", "1.5").
type numeral struct {
	value   float64
	first   int  // index of its first token
	next    int  // index of the first token after it
	plain   bool // one run of digits, no grouping, no decimals: a year or a day may be plain
	digits  int  // number of digits of a plain numeral
	leading bool // a plain numeral starts with 0 ("0558"): an identifier, not a quantity
}

// readNumeral reads the numeral that starts at toks[i], which must be kNum.
// Grouping needs a first group of one to three digits followed by groups of
// exactly three, so "2021 30 entreprises" stays two numbers.
func readNumeral(s string, toks []token, i int) numeral {
	t := toks[i]
	var b strings.Builder
	b.WriteString(t.lower)
	n := numeral{first: i, next: i + 1, plain: true, digits: len(t.lower), leading: len(t.lower) > 1 && t.lower[0] == '0'}
	j := i + 1
	if len(t.lower) <= 3 {
		for {
			// "30 000": a group separated by one spacing character.
			if j < len(toks) && toks[j].kind == kNum && len(toks[j].lower) == 3 && groupGap(s, toks[j-1], toks[j]) {
				b.WriteString(toks[j].lower)
				j++
				n.plain = false
				continue
			}
			// "30.000": the dot grouping some French copy uses.
			if j+1 < len(toks) && punct(toks, j, ".") && !toks[j].gap && toks[j+1].kind == kNum && !toks[j+1].gap &&
				len(toks[j+1].lower) == 3 && !(j+2 < len(toks) && punct(toks, j+2, ",") && !toks[j+2].gap && j+3 < len(toks) && toks[j+3].kind == kNum && !toks[j+3].gap && len(toks[j+3].lower) == 3) {
				b.WriteString(toks[j+1].lower)
				j += 2
				n.plain = false
				continue
			}
			break
		}
	}
	// Decimal part: French comma, or a dot followed by anything but a group of three.
	if j+1 < len(toks) && toks[j+1].kind == kNum && !toks[j].gap && !toks[j+1].gap {
		if punct(toks, j, ",") || (punct(toks, j, ".") && len(toks[j+1].lower) != 3) {
			// Keep a few digits only: ParseFloat must not see a megabyte of them.
			frac := toks[j+1].lower
			if len(frac) > 12 {
				frac = frac[:12]
			}
			b.WriteByte('.')
			b.WriteString(frac)
			j += 2
			n.plain = false
		}
	}
	n.next = j
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil { // only on absurd lengths, where ParseFloat reports overflow
		v = 0
	}
	n.value = v
	return n
}

// wordValue maps the French number words to their value. "cent", "mille"
// and the large scales are handled as multipliers by readWords.
var wordValue = map[string]float64{
	"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
	"quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
	"cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
	"cent": 100, "cents": 100, "mille": 1000,
}

// scaleValue holds the words that multiply what precedes them.
var scaleValue = map[string]float64{
	"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
	"billion": 1e12, "billions": 1e12, "mille": 1e3,
}

// readWords reads a number written in words ("vingt-cinq", "deux cent mille",
// "soixante et onze") starting at toks[i]. It stops before a scale word other
// than "mille", which the caller handles for digits and words alike. ok is
// false when toks[i] does not start a number word.
func readWords(toks []token, i int) (v float64, next int, ok bool) {
	var total, cur float64
	j := i
	parts := 0
	for j < len(toks) && toks[j].kind == kWord {
		w := toks[j].lower
		if w == "et" && parts > 0 && word(toks, j+1, "un", "une", "onze") {
			j++
			continue
		}
		head, _, _ := strings.Cut(w, "-")
		if _, isNum := wordValue[head]; !isNum {
			break
		}
		pieces := strings.Split(w, "-")
		good := true
		for _, p := range pieces {
			if _, isNum := wordValue[p]; !isNum {
				good = false
				break
			}
		}
		if !good {
			break
		}
		for _, p := range pieces {
			switch p {
			case "cent", "cents":
				if cur == 0 {
					cur = 1
				}
				cur *= 100
			case "mille":
				if cur == 0 {
					cur = 1
				}
				total += cur * 1000
				cur = 0
			case "vingt", "vingts":
				if int(cur)%100 == 4 { // quatre-vingt(s) = 80
					cur += 76
				} else {
					cur += 20
				}
			default:
				cur += wordValue[p]
			}
			parts++
		}
		j++
		// "un" opens a compound only before a scale word, which the caller
		// reads: "un neuf" is "a new one", not 10.
		if parts == 1 && (w == "un" || w == "une") {
			break
		}
	}
	if j == i {
		return 0, i, false
	}
	return total + cur, j, true
}

// formatValue writes v without exponent or trailing zeros, the form used in keys.
func formatValue(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
