package figure

import (
	"strconv"
	"strings"
)

// English is the language code for which FiguresIn and DatesIn read
// English conventions (ISO 639-1, as package langid names it).
const English = "en"

// FiguresIn returns the figures of a text written in lang. For English
// ("en") the text is read with English conventions — "20,000" is twenty
// thousand, "1.2 million" one point two million, "billion" 10⁹, "$5
// billion", "30 percent", "more than 200" — and each figure gets the same
// Key as its French form (« 20 000 », « 1,2 million », « 5 milliards de
// dollars »), so that a French article written from an English source can
// be checked against it. Text, Start and End still point into text; Noun
// stays the English noun. Any other lang is read as French, as Figures does.
func FiguresIn(text, lang string) []Figure {
	if lang != English {
		return Figures(text)
	}
	m := fromEnglish(text)
	fs := Figures(m.out)
	for k := range fs {
		fs[k].Start, fs[k].End = m.span(fs[k].Start, fs[k].End)
		fs[k].Text = text[fs[k].Start:fs[k].End]
	}
	return fs
}

// DatesIn returns the dates of a text written in lang. For English, "June
// 3", "3 June 2026", "Thursday morning", "mid-May", "early June",
// "yesterday", "last week", "in 2025" get the Key of their French forms
// (« 3 juin », « jeudi matin », « mi-mai », « début juin », « hier », « la
// semaine dernière », « en 2025 »). Any other lang is read as French.
func DatesIn(text, lang string) []Date {
	if lang != English {
		return Dates(text)
	}
	m := fromEnglish(text)
	ds := Dates(m.out)
	for k := range ds {
		ds[k].Start, ds[k].End = m.span(ds[k].Start, ds[k].End)
		ds[k].Text = text[ds[k].Start:ds[k].End]
	}
	return ds
}

// mapped is an English text rewritten in the French forms of its figures
// and dates, with, for each byte of out, the bytes of the English text it
// stands for.
type mapped struct {
	out      string
	from, to []int
}

// span returns the English bytes that out[start:end] stands for.
func (m *mapped) span(start, end int) (int, int) {
	if start < 0 || end > len(m.from) || start >= end {
		return 0, 0
	}
	a, b := m.from[start], m.to[start]
	for k := start + 1; k < end; k++ {
		a, b = min(a, m.from[k]), max(b, m.to[k])
	}
	return a, b
}

type mapper struct {
	b        strings.Builder
	from, to []int
}

// emit writes French text standing for the English bytes [a, b).
func (w *mapper) emit(text string, a, b int) {
	w.b.WriteString(text)
	for range len(text) {
		w.from = append(w.from, a)
		w.to = append(w.to, b)
	}
}

// The English words this reading knows, written for this package by the
// plume authors: months, days, number words, scales, hedges.
var (
	enMonths = map[string]string{
		"january": "janvier", "february": "février", "march": "mars", "april": "avril", "may": "mai",
		"june": "juin", "july": "juillet", "august": "août", "september": "septembre",
		"october": "octobre", "november": "novembre", "december": "décembre",
		"jan": "janvier", "feb": "février", "mar": "mars", "apr": "avril", "jun": "juin", "jul": "juillet",
		"aug": "août", "sep": "septembre", "sept": "septembre", "oct": "octobre", "nov": "novembre", "dec": "décembre",
	}
	enWeekdays = map[string]string{
		"monday": "lundi", "tuesday": "mardi", "wednesday": "mercredi", "thursday": "jeudi",
		"friday": "vendredi", "saturday": "samedi", "sunday": "dimanche",
	}
	enParts = map[string]string{
		"morning": "matin", "afternoon": "après-midi", "evening": "soir", "night": "nuit", "noon": "midi",
	}
	enNumbers = map[string]string{
		"zero": "zéro", "one": "un", "two": "deux", "three": "trois", "four": "quatre", "five": "cinq",
		"six": "six", "seven": "sept", "eight": "huit", "nine": "neuf", "ten": "dix", "eleven": "onze",
		"twelve": "douze", "thirteen": "treize", "fourteen": "quatorze", "fifteen": "quinze",
		"sixteen": "seize", "seventeen": "dix-sept", "eighteen": "dix-huit", "nineteen": "dix-neuf",
		"twenty": "vingt", "thirty": "trente", "forty": "quarante", "fifty": "cinquante",
		"sixty": "soixante", "seventy": "septante", "eighty": "huitante", "ninety": "nonante",
		"hundred": "cent",
	}
	enOrdinals = map[string]string{
		"third": "troisième", "fourth": "quatrième", "fifth": "cinquième", "sixth": "sixième",
		"seventh": "septième", "eighth": "huitième", "ninth": "neuvième", "tenth": "dixième",
		"twentieth": "vingtième", "hundredth": "centième",
	}
	enScales = map[string]string{
		"thousand": "mille", "million": "million", "millions": "millions", "billion": "milliard",
		"billions": "milliards", "bn": "milliards", "trillion": "billion", "trillions": "billions",
	}
	// enVague are the plural collective nouns of "thousands of people".
	enVague = map[string]string{
		"dozens": "des dizaines", "hundreds": "des centaines", "thousands": "des milliers",
		"millions": "des millions", "billions": "des milliards",
	}
	// enHedges are matched before a number, longest first.
	enHedges = []struct {
		words []string
		fr    string
	}{
		{[]string{"more", "than"}, "plus de"}, {[]string{"over"}, "plus de"},
		{[]string{"fewer", "than"}, "moins de"}, {[]string{"less", "than"}, "moins de"},
		{[]string{"at", "least"}, "au moins"}, {[]string{"at", "most"}, "au plus"},
		{[]string{"up", "to"}, "jusqu'à"}, {[]string{"nearly"}, "près de"}, {[]string{"almost"}, "presque"},
		{[]string{"about"}, "environ"}, {[]string{"around"}, "environ"}, {[]string{"roughly"}, "environ"},
		{[]string{"approximately"}, "environ"}, {[]string{"some"}, "environ"},
	}
	enRelative = []struct {
		words []string
		fr    string
	}{
		{[]string{"last", "year"}, "l'année dernière"}, {[]string{"next", "year"}, "l'année prochaine"},
		{[]string{"this", "year"}, "cette année"}, {[]string{"last", "week"}, "la semaine dernière"},
		{[]string{"next", "week"}, "la semaine prochaine"}, {[]string{"this", "week"}, "cette semaine"},
		{[]string{"last", "month"}, "le mois dernier"}, {[]string{"next", "month"}, "le mois prochain"},
		{[]string{"yesterday"}, "hier"}, {[]string{"today"}, "aujourd'hui"}, {[]string{"tomorrow"}, "demain"},
		{[]string{"this", "morning"}, "ce matin"}, {[]string{"tonight"}, "ce soir"},
	}
)

// enNumberWord translates a number word, compounds included
// ("twenty-five" → « vingt-cinq »), or returns "".
func enNumberWord(w string) string {
	parts := strings.Split(w, "-")
	for k, p := range parts {
		fr, ok := enNumbers[p]
		if !ok {
			return ""
		}
		parts[k] = fr
	}
	return strings.Join(parts, "-")
}

// numberStarts reports whether toks[i] opens a number: digits, a number
// word, a currency symbol before digits.
func numberStarts(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	switch t.kind {
	case kNum:
		return true
	case kPunct:
		return currencies[t.lower] != "" && i+1 < len(toks) && toks[i+1].kind == kNum
	}
	return enNumberWord(t.lower) != "" || ((t.lower == "a" || t.lower == "an") && i+1 < len(toks) && enScales[toks[i+1].lower] != "")
}

// isEnMonth reports whether toks[i] is an English month name used as one:
// capitalised, and for "May" (also a verb) and the abbreviations next to a
// number or after a date word.
func isEnMonth(toks []token, i int) bool {
	t := toks[i]
	if t.kind != kWord || !t.upper || enMonths[t.lower] == "" {
		return false
	}
	if len(t.lower) > 3 && t.lower != "june" && t.lower != "july" {
		return true
	}
	return (i+1 < len(toks) && toks[i+1].kind == kNum) || (i > 0 && toks[i-1].kind == kNum) ||
		word(toks, i-1, "in", "early", "late", "since", "until", "by", "of", "mid", "last", "next", "this")
}

func fromEnglish(s string) *mapped {
	toks := scan(s)
	w := &mapper{}
	prev := 0
	for i := 0; i < len(toks); {
		t := toks[i]
		w.emit(s[prev:t.start], prev, t.start)
		n := enRule(s, toks, i, w)
		if n == 0 {
			w.emit(s[t.start:t.end], t.start, t.end)
			n = 1
		}
		prev = toks[i+n-1].end
		i += n
	}
	w.emit(s[prev:], prev, len(s))
	return &mapped{out: w.b.String(), from: w.from, to: w.to}
}

// enRule rewrites the English tokens at toks[i] in French and returns how
// many it consumed, or 0 when toks[i] stays as it is.
func enRule(s string, toks []token, i int, w *mapper) int {
	t := toks[i]
	prevNum := i > 0 && toks[i-1].kind == kNum && !t.gap
	nextNum := i+1 < len(toks) && toks[i+1].kind == kNum && !toks[i+1].gap
	switch t.kind {
	case kPunct:
		switch {
		case t.lower == "," && prevNum && nextNum && len(toks[i+1].lower) == 3 && len(toks[i-1].lower) <= 3:
			w.emit(" ", t.start, t.end) // "20,000": a thousands separator
			return 1
		case t.lower == "." && prevNum && nextNum:
			w.emit(",", t.start, t.end) // "1.2": a decimal point
			return 1
		}
		return 0
	case kNum:
		return enTime(toks, i, w)
	}
	lw := t.lower
	if lw == "at" && i+1 < len(toks) && toks[i+1].kind == kNum && enTime(toks, i+1, nil) > 0 {
		w.emit("à", t.start, t.end)
		return 1
	}
	if prevNum && (lw == "st" || lw == "nd" || lw == "rd" || lw == "th") {
		w.emit("e", t.start, t.end)
		return 1
	}
	for _, r := range enRelative {
		if matchWords(toks, i, r.words) {
			last := toks[i+len(r.words)-1]
			w.emit(r.fr, t.start, last.end)
			return len(r.words)
		}
	}
	for _, h := range enHedges {
		if matchWords(toks, i, h.words) && numberStarts(toks, i+len(h.words)) {
			w.emit(h.fr, t.start, toks[i+len(h.words)-1].end)
			return len(h.words)
		}
	}
	if (lw == "in" || lw == "since") && i+1 < len(toks) && toks[i+1].kind == kNum && len(toks[i+1].lower) == 4 {
		w.emit(map[string]string{"in": "en", "since": "depuis"}[lw], t.start, t.end)
		return 1
	}
	if isEnMonth(toks, i) {
		return enMonth(s, toks, i, w)
	}
	if rest, ok := strings.CutPrefix(lw, "mid-"); ok {
		if fr := enMonths[rest]; fr != "" {
			w.emit("mi-"+fr, t.start, t.end)
			return 1
		}
	}
	if lw == "mid" && punct(toks, i+1, "-") && i+2 < len(toks) && toks[i+2].kind == kNum {
		w.emit("mi", t.start, t.end)
		return 1
	}
	if (lw == "early" || lw == "late") && i+1 < len(toks) &&
		(isEnMonth(toks, i+1) || toks[i+1].kind == kNum && len(toks[i+1].lower) == 4) {
		w.emit(map[string]string{"early": "début", "late": "fin"}[lw], t.start, t.end)
		return 1
	}
	if fr := enWeekdays[lw]; fr != "" && t.upper {
		if i+1 < len(toks) && enParts[toks[i+1].lower] != "" {
			w.emit(fr+" "+enParts[toks[i+1].lower], t.start, toks[i+1].end)
			return 2
		}
		w.emit(fr, t.start, t.end)
		return 1
	}
	if (lw == "last" || lw == "next") && i+1 < len(toks) && enWeekdays[toks[i+1].lower] != "" && toks[i+1].upper {
		rel := map[string]string{"last": " dernier", "next": " prochain"}[lw]
		w.emit(enWeekdays[toks[i+1].lower], toks[i+1].start, toks[i+1].end)
		w.emit(rel, t.start, t.end)
		return 2
	}
	if (lw == "percent" || lw == "pct") && i > 0 && toks[i-1].kind == kNum {
		w.emit("%", t.start, t.end)
		return 1
	}
	if lw == "per" && word(toks, i+1, "cent") && i > 0 && toks[i-1].kind == kNum {
		w.emit("%", t.start, toks[i+1].end)
		return 2
	}
	afterNumber := i > 0 && (toks[i-1].kind == kNum || enNumberWord(toks[i-1].lower) != "" || word(toks, i-1, "a", "an"))
	if fr := enScales[lw]; fr != "" && afterNumber {
		if !t.gap {
			fr = " " + fr // "$1.5bn"
		}
		w.emit(fr, t.start, t.end)
		return 1
	}
	if lw == "m" && prevNum && i >= 2 && (isCurrencySymbol(toks[i-2]) || i >= 4 && punct(toks, i-2, ".") && isCurrencySymbol(toks[i-4])) {
		w.emit(" millions", t.start, t.end) // "$5m", "£1.5m"
		return 1
	}
	if fr := enVague[lw]; fr != "" && !afterNumber {
		w.emit(fr, t.start, t.end)
		return 1
	}
	if lw == "of" && i > 0 && (enScales[toks[i-1].lower] != "" || enVague[toks[i-1].lower] != "") {
		w.emit("de", t.start, t.end)
		return 1
	}
	if (lw == "a" || lw == "an") && i+1 < len(toks) && enScales[toks[i+1].lower] != "" {
		w.emit("un", t.start, t.end)
		return 1
	}
	if lw == "twice" {
		w.emit("deux fois", t.start, t.end)
		return 1
	}
	if lw == "a" && word(toks, i+1, "dozen") {
		w.emit("une douzaine", t.start, toks[i+1].end)
		return 2
	}
	if fr := enNumberWord(lw); fr != "" {
		w.emit(fr, t.start, t.end)
		return 1
	}
	if fr := enOrdinals[lw]; fr != "" {
		w.emit(fr, t.start, t.end)
		return 1
	}
	return 0
}

// enMonth rewrites a month and the day and year around it: "June 3, 2026"
// → « 3 juin 2026 », "June 3rd" → « 3 juin », "June" → « juin ».
func enMonth(s string, toks []token, i int, w *mapper) int {
	t := toks[i]
	fr := enMonths[t.lower]
	j := i + 1
	if j < len(toks) && toks[j].kind == kNum && len(toks[j].lower) <= 2 && toks[j].gap {
		day := toks[j]
		k := j + 1
		if k < len(toks) && !toks[k].gap && word(toks, k, "st", "nd", "rd", "th") {
			k++
		}
		w.emit(s[day.start:day.end], day.start, day.end)
		w.emit(" "+fr, t.start, t.end)
		if punct(toks, k, ",") && k+1 < len(toks) && toks[k+1].kind == kNum && len(toks[k+1].lower) == 4 {
			y := toks[k+1]
			w.emit(" ", toks[k].start, toks[k].end)
			w.emit(s[y.start:y.end], y.start, y.end)
			return k + 2 - i
		}
		return k - i
	}
	w.emit(fr, t.start, t.end)
	return 1
}

// enTime rewrites "3 p.m.", "3pm", "10:30 a.m." at toks[i] as « 15h »,
// « 10h30 » and returns how many tokens it consumed, or 0. With a nil
// mapper it only reports.
func enTime(toks []token, i int, w *mapper) int {
	t := toks[i]
	if t.kind != kNum || len(t.lower) > 2 {
		return 0
	}
	h, _ := strconv.Atoi(t.lower)
	if h < 1 || h > 12 {
		return 0
	}
	j, minutes := i+1, ""
	if punct(toks, j, ":") && !toks[j].gap && j+1 < len(toks) && toks[j+1].kind == kNum && len(toks[j+1].lower) == 2 {
		minutes, j = toks[j+1].lower, j+2
	}
	pm := false
	switch {
	case word(toks, j, "pm", "am"):
		pm = toks[j].lower == "pm"
		j++
	case word(toks, j, "p", "a") && punct(toks, j+1, ".") && word(toks, j+2, "m"):
		pm = toks[j].lower == "p"
		j += 3
		if punct(toks, j, ".") && !toks[j].gap {
			j++
		}
	default:
		return 0
	}
	if pm && h < 12 {
		h += 12
	} else if !pm && h == 12 {
		h = 0
	}
	if w != nil {
		w.emit(strconv.Itoa(h)+"h"+minutes, t.start, toks[j-1].end)
	}
	return j - i
}
