package figure

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is one date or time expression found in French text. Fields that the
// text does not give are zero (Day, Month, Year), -1 (Weekday, Hour, Minute)
// or empty (Part, Phase, Relative): "jeudi soir" has a Weekday and a Part and
// nothing else. Resolving a relative date against a clock is the caller's
// business; this package has no clock.
type Date struct {
	// Text is the expression as written; it is always Sentence[Start:End].
	Text       string
	Start, End int
	Day        int // 1–31
	Month      int // 1–12
	Year       int
	Weekday    time.Weekday // -1 when none
	Hour       int          // 0–23, -1 when none
	Minute     int          // 0–59, -1 when none
	// Part is the part of the day: "matin", "midi", "après-midi", "soir", "nuit".
	Part string
	// Phase places the date inside its period: "début", "mi", "fin"
	// ("fin 2020", "mi-mai", "en début de semaine").
	Phase string
	// Relative is set for dates counted from the time of writing, as a signed
	// count and unit (d, w, m, y): "-1y" for "l'année dernière", "-1w" for "la
	// semaine dernière", "0d" for "aujourd'hui", "-3d" for "il y a trois
	// jours"; "recent:days" for "ces derniers jours"; "last" and "next" for
	// "mardi dernier" and "mardi prochain".
	Relative string
}

// Key is a canonical form of the date, equal for two mentions written
// differently ("2 avril 2024", "02/04/2024", "le 2 avril 2024" share
// "y=2024;m=04;d=02"). The weekday is left out when day and month are known,
// since it then adds nothing.
func (d Date) Key() string {
	var parts []string
	if d.Year > 0 {
		parts = append(parts, "y="+strconv.Itoa(d.Year))
	}
	if d.Month > 0 {
		parts = append(parts, fmt.Sprintf("m=%02d", d.Month))
	}
	if d.Day > 0 {
		parts = append(parts, fmt.Sprintf("d=%02d", d.Day))
	}
	if d.Weekday >= 0 && !(d.Day > 0 && d.Month > 0) {
		parts = append(parts, "wd="+strings.ToLower(d.Weekday.String()[:3]))
	}
	if d.Hour >= 0 {
		m := max(d.Minute, 0)
		parts = append(parts, fmt.Sprintf("t=%02d:%02d", d.Hour, m))
	}
	if d.Part != "" {
		parts = append(parts, "part="+d.Part)
	}
	if d.Phase != "" {
		parts = append(parts, "phase="+d.Phase)
	}
	if d.Relative != "" {
		parts = append(parts, "rel="+d.Relative)
	}
	return strings.Join(parts, ";")
}

// Dates returns the date and time expressions of sentence in the order they
// appear. It works on any text, not only one sentence.
func Dates(sentence string) []Date {
	spans := findDates(sentence, scan(sentence))
	if len(spans) == 0 {
		return nil
	}
	out := make([]Date, len(spans))
	for k, sp := range spans {
		out[k] = sp.Date
	}
	return out
}

// dateSpan is a Date with the tokens it covers, for Figures to skip them.
type dateSpan struct {
	Date
	first, next int
}

func (d dateSpan) yearOnly() bool {
	return d.Day == 0 && d.Month == 0 && d.Weekday < 0 && d.Hour < 0 && d.Relative == ""
}

func emptyDate() Date { return Date{Weekday: -1, Hour: -1, Minute: -1} }

// findDates scans toks for dates, left to right, longest reading first.
func findDates(s string, toks []token) []dateSpan {
	var out []dateSpan
	for i := 0; i < len(toks); {
		sp, ok := dateAt(s, toks, i)
		if !ok {
			i++
			continue
		}
		sp.Start = toks[sp.first].start
		sp.End = toks[sp.next-1].end
		sp.Text = s[sp.Start:sp.End]
		out = append(out, sp)
		i = sp.next
	}
	return out
}

// relativePatterns are the fixed relative expressions; "de" also matches "d'".
var relativePatterns = []struct {
	words    []string
	rel      string
	part     string
	phase    string
	dayLevel bool // a part of the day may follow ("hier soir")
}{
	{words: []string{"l'", "année", "dernière"}, rel: "-1y"},
	{words: []string{"l'", "année", "passée"}, rel: "-1y"},
	{words: []string{"l'", "an", "dernier"}, rel: "-1y"},
	{words: []string{"l'", "an", "passé"}, rel: "-1y"},
	{words: []string{"l'", "année", "prochaine"}, rel: "+1y"},
	{words: []string{"l'", "an", "prochain"}, rel: "+1y"},
	{words: []string{"cette", "année"}, rel: "0y"},
	{words: []string{"la", "semaine", "dernière"}, rel: "-1w"},
	{words: []string{"la", "semaine", "passée"}, rel: "-1w"},
	{words: []string{"la", "semaine", "prochaine"}, rel: "+1w"},
	{words: []string{"cette", "semaine"}, rel: "0w"},
	{words: []string{"le", "mois", "dernier"}, rel: "-1m"},
	{words: []string{"le", "mois", "passé"}, rel: "-1m"},
	{words: []string{"le", "mois", "prochain"}, rel: "+1m"},
	{words: []string{"ce", "mois-ci"}, rel: "0m"},
	{words: []string{"ces", "derniers", "jours"}, rel: "recent:days"},
	{words: []string{"ces", "dernières", "semaines"}, rel: "recent:weeks"},
	{words: []string{"ces", "derniers", "mois"}, rel: "recent:months"},
	{words: []string{"ces", "dernières", "années"}, rel: "recent:years"},
	{words: []string{"début", "de", "semaine"}, rel: "0w", phase: "début"},
	{words: []string{"fin", "de", "semaine"}, rel: "0w", phase: "fin"},
	{words: []string{"début", "de", "mois"}, rel: "0m", phase: "début"},
	{words: []string{"fin", "de", "mois"}, rel: "0m", phase: "fin"},
	{words: []string{"début", "de", "année"}, rel: "0y", phase: "début"},
	{words: []string{"fin", "de", "année"}, rel: "0y", phase: "fin"},
	{words: []string{"avant-hier"}, rel: "-2d", dayLevel: true},
	{words: []string{"après-demain"}, rel: "+2d", dayLevel: true},
	{words: []string{"hier"}, rel: "-1d", dayLevel: true},
	{words: []string{"aujourd'", "hui"}, rel: "0d", dayLevel: true},
	{words: []string{"demain"}, rel: "+1d", dayLevel: true},
	{words: []string{"ce", "matin"}, rel: "0d", part: "matin"},
	{words: []string{"ce", "midi"}, rel: "0d", part: "midi"},
	{words: []string{"cet", "après-midi"}, rel: "0d", part: "après-midi"},
	{words: []string{"ce", "soir"}, rel: "0d", part: "soir"},
	{words: []string{"cette", "nuit"}, rel: "0d", part: "nuit"},
}

// relativeByFirst indexes relativePatterns by first word, so that most
// tokens are turned down with one map lookup.
var relativeByFirst = func() map[string][]int {
	m := make(map[string][]int)
	for k, p := range relativePatterns {
		m[p.words[0]] = append(m[p.words[0]], k)
		if p.words[0] == "de" {
			m["d'"] = append(m["d'"], k)
		}
	}
	return m
}()

// relativeUnits maps the units of "il y a N …" to their letter.
var relativeUnits = map[string]string{
	"jour": "d", "jours": "d", "semaine": "w", "semaines": "w", "mois": "m",
	"an": "y", "ans": "y", "année": "y", "années": "y",
}

func matchWords(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for n, w := range words {
		t := toks[i+n]
		if t.kind != kWord || !(t.lower == w || (w == "de" && t.lower == "d'")) {
			return false
		}
	}
	return true
}

// phaseBefore finds "début", "fin", "mi-" or "début de" right before toks[first].
func phaseBefore(toks []token, first int) (string, int) {
	switch {
	case word(toks, first-1, "début", "fin"):
		return toks[first-1].lower, first - 1
	case word(toks, first-1, "de", "d'") && word(toks, first-2, "début", "fin"):
		return toks[first-2].lower, first - 2
	case word(toks, first-1, "de", "d'") && word(toks, first-2, "milieu"):
		return "mi", first - 2
	case punct(toks, first-1, "-") && !toks[first].gap && !toks[first-1].gap && word(toks, first-2, "mi"):
		return "mi", first - 2
	}
	return "", first
}

// dateAt tries every date shape at toks[i].
func dateAt(s string, toks []token, i int) (dateSpan, bool) {
	d := dateSpan{Date: emptyDate(), first: i}
	t := toks[i]
	for _, k := range relativeByFirst[t.lower] {
		p := relativePatterns[k]
		if !matchWords(toks, i, p.words) {
			continue
		}
		d.Relative, d.Part, d.Phase, d.next = p.rel, p.part, p.phase, i+len(p.words)
		if p.dayLevel {
			d.next = partAfter(toks, d.next, &d.Date)
			d.next = timeAfter(toks, d.next, &d.Date)
		}
		if d.Phase == "" {
			d.Phase, d.first = phaseBefore(toks, i)
		}
		return d, true
	}
	if t.lower == "il" && word(toks, i+1, "y") && word(toks, i+2, "a") && i+3 < len(toks) {
		var n float64
		j := i + 3
		ok := false
		if toks[j].kind == kNum {
			nm := readNumeral(s, toks, j)
			n, j, ok = nm.value, nm.next, true
		} else {
			n, j, ok = readWords(toks, j)
		}
		if ok && j < len(toks) && toks[j].kind == kWord && relativeUnits[toks[j].lower] != "" {
			d.Relative = "-" + formatValue(n) + relativeUnits[toks[j].lower]
			d.next = j + 1
			return d, true
		}
	}
	if t.kind == kWord {
		if wd, ok := weekdays[t.lower]; ok {
			d.Weekday = time.Weekday(wd)
			j := i + 1
			if j2, ok := dayMonthAt(s, toks, j, &d.Date); ok {
				j = j2
			}
			j = partAfter(toks, j, &d.Date)
			if word(toks, j, "dernier", "passé") {
				d.Relative, j = "last", j+1
			} else if word(toks, j, "prochain") {
				d.Relative, j = "next", j+1
			}
			if d.Part == "" {
				j = partAfter(toks, j, &d.Date)
			}
			d.next = timeAfter(toks, j, &d.Date)
			return d, true
		}
		if m, phase, ok := monthWord(toks, i); ok {
			d.Month, d.Phase = m, phase
			if phase == "" {
				d.Phase, d.first = phaseBefore(toks, i)
			}
			d.next = yearAfter(s, toks, i+1, &d.Date)
			return d, true
		}
	}
	if j, ok := dayMonthAt(s, toks, i, &d.Date); ok {
		d.next = timeAfter(toks, j, &d.Date)
		return d, true
	}
	// "les 10 et 11 avril", "du 3 au 5 mai": the first day takes the month
	// (and year) of the second.
	if t.kind == kNum && len(t.lower) <= 2 && !gluedIdentifier(toks, i) && i+2 < len(toks) &&
		(word(toks, i+1, "et", "au", "ou") || punct(toks, i+1, ",") || punct(toks, i+1, "-")) {
		var later Date
		if _, ok := dayMonthAt(s, toks, i+2, &later); ok {
			if day, _ := strconv.Atoi(t.lower); day >= 1 && day <= daysIn(later.Month) {
				d.Day, d.Month, d.Year, d.next = day, later.Month, later.Year, i+1
				return d, true
			}
		}
	}
	if t.kind != kNum {
		return d, false
	}
	if j, ok := numericDate(s, toks, i, &d.Date); ok {
		d.next = j
		return d, true
	}
	if j, ok := timeAt(toks, i, &d.Date); ok {
		d.next = j
		return d, true
	}
	if gluedIdentifier(toks, i) {
		return d, false
	}
	n := readNumeral(s, toks, i)
	if n.plain && n.digits == 4 && n.value >= 1000 && n.value <= 2100 {
		tl := readTail(toks, n.next, n.value, "")
		if tl.kind == Count && !tl.scaled && tl.unit == "" && isYearContext(toks, i, n.next) &&
			!(i > 0 && toks[i-1].kind == kWord && toks[i-1].upper && !functionWords[toks[i-1].lower] && months[toks[i-1].lower] == 0 && toks[i].gap) {
			d.Year = int(n.value)
			d.Phase, d.first = phaseBefore(toks, i)
			d.next = n.next
			return d, true
		}
	}
	return d, false
}

// monthWord recognises a month name at toks[i], "mi-mai" included. A
// capitalised month inside a sentence must follow a date word: "Mars" alone
// is the planet or the company.
func monthWord(toks []token, i int) (int, string, bool) {
	w := toks[i].lower
	phase := ""
	if rest, ok := strings.CutPrefix(w, "mi-"); ok {
		w, phase = rest, "mi"
	}
	m := months[w]
	if m == 0 {
		return 0, "", false
	}
	if toks[i].upper && phase == "" && !word(toks, i-1, "en", "de", "d'", "début", "fin", "depuis", "dès", "courant", "mois", "le", "du", "au") {
		// Inside a sentence after any other word, or at its start with no
		// year after it, a capitalised "Mars" or "Mai" is more likely a name.
		if (i > 0 && toks[i-1].kind == kWord) || !(i+1 < len(toks) && toks[i+1].kind == kNum && len(toks[i+1].lower) == 4) {
			return 0, "", false
		}
	}
	return m, phase, true
}

// dayMonthAt reads "2 avril", "1er mai", "premier mai", "2 avril 2024" at toks[i].
func dayMonthAt(s string, toks []token, i int, d *Date) (int, bool) {
	if i >= len(toks) {
		return i, false
	}
	day, j := 0, i
	switch {
	case toks[i].kind == kNum && len(toks[i].lower) <= 2 && !gluedIdentifier(toks, i):
		day, _ = strconv.Atoi(toks[i].lower)
		j = i + 1
		if word(toks, j, "er", "èr", "re") && !toks[j].gap {
			j++
		}
	case word(toks, i, "premier"):
		day, j = 1, i+1
	default:
		return i, false
	}
	if day < 1 || day > 31 || j >= len(toks) || toks[j].kind != kWord {
		return i, false
	}
	m, ok := months[toks[j].lower]
	if !ok || day > daysIn(m) {
		return i, false
	}
	d.Day, d.Month = day, m
	return yearAfter(s, toks, j+1, d), true
}

func daysIn(m int) int {
	switch m {
	case 2:
		return 29
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// yearAfter reads an optional year at toks[j] and returns the index after the date.
func yearAfter(s string, toks []token, j int, d *Date) int {
	if j < len(toks) && toks[j].kind == kNum && len(toks[j].lower) == 4 && !(j+1 < len(toks) && toks[j+1].kind == kNum && groupGap(s, toks[j], toks[j+1])) {
		y, _ := strconv.Atoi(toks[j].lower)
		if y >= 1000 && y <= 2100 {
			d.Year = y
			return j + 1
		}
	}
	return j
}

// partAfter reads an optional part of the day at toks[j].
func partAfter(toks []token, j int, d *Date) int {
	if j < len(toks) && toks[j].kind == kWord {
		if p, ok := partsOfDay[toks[j].lower]; ok {
			d.Part = p
			return j + 1
		}
	}
	return j
}

// timeAfter reads an optional "à 14h30" or "vers 8 heures" at toks[j].
func timeAfter(toks []token, j int, d *Date) int {
	if word(toks, j, "à", "vers", "dès") {
		if k, ok := timeAt(toks, j+1, d); ok {
			return k
		}
	}
	return j
}

// timeAt reads "14h30", "14 h 30", "14h", "14:30" or, after "à", "8 heures".
func timeAt(toks []token, i int, d *Date) (int, bool) {
	if i >= len(toks) || toks[i].kind != kNum || len(toks[i].lower) > 2 || gluedIdentifier(toks, i) {
		return i, false
	}
	h, _ := strconv.Atoi(toks[i].lower)
	if h > 23 {
		return i, false
	}
	j := i + 1
	switch {
	case word(toks, j, "h"):
		j++
	case punct(toks, j, ":") && !toks[j].gap && j+1 < len(toks) && toks[j+1].kind == kNum && !toks[j+1].gap && len(toks[j+1].lower) == 2:
		j++
		m, _ := strconv.Atoi(toks[j].lower)
		if m > 59 {
			return i, false
		}
		d.Hour, d.Minute = h, m
		return j + 1, true
	case word(toks, j, "heure", "heures") && word(toks, i-1, "à", "vers", "dès"):
		j++
	default:
		return i, false
	}
	d.Hour, d.Minute = h, 0
	if j < len(toks) && toks[j].kind == kNum && len(toks[j].lower) == 2 {
		if m, _ := strconv.Atoi(toks[j].lower); m <= 59 {
			d.Minute = m
			j++
		}
	}
	return j, true
}

// numericDate reads "02/04/2024", "2.4.24" and ISO "2024-04-02" at toks[i].
func numericDate(s string, toks []token, i int, d *Date) (int, bool) {
	if i+4 >= len(toks) {
		return i, false
	}
	a, sep1, b, sep2, c := toks[i], toks[i+1], toks[i+2], toks[i+3], toks[i+4]
	if sep1.kind != kPunct || sep1.lower != sep2.lower || b.kind != kNum || c.kind != kNum ||
		sep1.gap || b.gap || sep2.gap || c.gap || gluedIdentifier(toks, i) {
		return i, false
	}
	if sep1.lower != "/" && sep1.lower != "." && sep1.lower != "-" {
		return i, false
	}
	x, _ := strconv.Atoi(a.lower)
	y, _ := strconv.Atoi(b.lower)
	z, _ := strconv.Atoi(c.lower)
	day, month, year := x, y, z
	switch {
	case len(a.lower) == 4 && sep1.lower == "-" && len(b.lower) == 2 && len(c.lower) == 2:
		day, month, year = z, y, x
	case len(a.lower) <= 2 && len(b.lower) <= 2 && (len(c.lower) == 4 || len(c.lower) == 2):
		if len(c.lower) == 2 {
			year = 2000 + z
		}
	default:
		return i, false
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(month) || year < 1000 || year > 2100 {
		return i, false
	}
	if i+5 < len(toks) && !toks[i+5].gap && toks[i+5].kind != kWord && (toks[i+5].lower == sep1.lower) {
		return i, false // a longer code such as 1.2.3.4
	}
	d.Day, d.Month, d.Year = day, month, year
	return i + 5, true
}
