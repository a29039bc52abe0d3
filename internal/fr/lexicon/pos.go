package lexicon

import "strconv"

// POS is a Universal Dependencies part-of-speech tag (UPOS). The zero value
// means "no tag".
type POS uint8

// The UPOS tags, https://universaldependencies.org/u/pos/.
const (
	Noun  POS = iota + 1 // NOUN
	PropN                // PROPN
	Verb                 // VERB
	Aux                  // AUX: être and avoir, which also carry VERB
	Adj                  // ADJ
	Adv                  // ADV
	Adp                  // ADP
	Det                  // DET
	Pron                 // PRON
	CConj                // CCONJ
	SConj                // SCONJ
	Num                  // NUM
	Intj                 // INTJ
	Punct                // PUNCT
	Sym                  // SYM
	X                    // X: prefixes, suffixes and other pieces
	numPOS
)

var posNames = [numPOS]string{"", "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "DET",
	"PRON", "CCONJ", "SCONJ", "NUM", "INTJ", "PUNCT", "SYM", "X"}

// String returns the UPOS name, e.g. "NOUN", or "" for the zero POS.
func (p POS) String() string {
	if p < numPOS {
		return posNames[p]
	}
	return "POS(" + strconv.Itoa(int(p)) + ")"
}

// ParsePOS returns the POS named by a UPOS string such as "NOUN".
func ParsePOS(s string) (POS, bool) {
	for i := Noun; i < numPOS; i++ {
		if posNames[i] == s {
			return i, true
		}
	}
	return 0, false
}

// AllPOS lists every tag in a stable order, for callers that build feature
// vectors indexed by POS.
func AllPOS() []POS {
	out := make([]POS, 0, numPOS-1)
	for p := Noun; p < numPOS; p++ {
		out = append(out, p)
	}
	return out
}

// POSSet is a set of POS tags as a bit mask, so a tagger can read the
// possible tags of a word without allocating.
type POSSet uint32

// Has reports whether p is in the set.
func (s POSSet) Has(p POS) bool { return s&(1<<p) != 0 }

// Add returns the set with p added.
func (s POSSet) Add(p POS) POSSet { return s | 1<<p }

// Len returns the number of tags in the set.
func (s POSSet) Len() int {
	n := 0
	for p := Noun; p < numPOS; p++ {
		if s.Has(p) {
			n++
		}
	}
	return n
}

// POS returns the tags in the set in UPOS order.
func (s POSSet) POS() []POS {
	if s == 0 {
		return nil
	}
	out := make([]POS, 0, s.Len())
	for p := Noun; p < numPOS; p++ {
		if s.Has(p) {
			out = append(out, p)
		}
	}
	return out
}

// Gender is grammatical gender. Epicene words have one form for both
// genders (« élève », « rapide »).
type Gender uint8

// Genders.
const (
	GenderNone Gender = iota
	Masc
	Fem
	Epicene
)

// String returns the UD-style name: "Masc", "Fem", "Epi" or "".
func (g Gender) String() string {
	return [...]string{"", "Masc", "Fem", "Epi"}[g&3]
}

// Number is grammatical number. NumberInv marks a form that is both
// singular and plural (« prix », « Pékin »).
type Number uint8

// Numbers.
const (
	NumberNone Number = iota
	Sing
	Plur
	NumberInv
)

// String returns "Sing", "Plur", "Inv" or "".
func (n Number) String() string {
	return [...]string{"", "Sing", "Plur", "Inv"}[n&3]
}

// VerbForm says whether a verb form is an infinitive, a participle or
// finite (conjugated for person).
type VerbForm uint8

// Verb forms.
const (
	VerbFormNone VerbForm = iota
	Inf
	Part
	Fin
)

// String returns "Inf", "Part", "Fin" or "".
func (v VerbForm) String() string {
	return [...]string{"", "Inf", "Part", "Fin"}[v&3]
}

// Tense of a verb form. A present participle has TensePres and a past
// participle TensePast; the passé simple is TensePast with MoodInd.
type Tense uint8

// Tenses.
const (
	TenseNone Tense = iota
	TensePres
	TensePast
	TenseImp // imparfait
	TenseFut
)

// String returns "Pres", "Past", "Imp", "Fut" or "".
func (t Tense) String() string {
	if t > TenseFut {
		return ""
	}
	return [...]string{"", "Pres", "Past", "Imp", "Fut"}[t]
}

// Mood of a finite verb form.
type Mood uint8

// Moods.
const (
	MoodNone Mood = iota
	MoodInd       // indicatif
	MoodSub       // subjonctif
	MoodCnd       // conditionnel
	MoodImp       // impératif
)

// String returns "Ind", "Sub", "Cnd", "Imp" or "".
func (m Mood) String() string {
	if m > MoodImp {
		return ""
	}
	return [...]string{"", "Ind", "Sub", "Cnd", "Imp"}[m]
}

// Analysis is one reading of a form: its lemma, part of speech and
// features. Features that do not apply are zero.
type Analysis struct {
	Lemma    string
	POS      POS
	Gender   Gender
	Number   Number
	VerbForm VerbForm
	Tense    Tense
	Mood     Mood
	Person   uint8 // 1, 2 or 3 for finite verbs and personal pronouns; 0 otherwise
}

// PastParticiple reports whether the analysis reads the form as a past
// participle (« touchées », « élevé »).
func (a Analysis) PastParticiple() bool { return a.VerbForm == Part && a.Tense == TensePast }

// Finite reports whether the analysis reads the form as a finite verb or
// auxiliary (« cible », « a »).
func (a Analysis) Finite() bool { return (a.POS == Verb || a.POS == Aux) && a.VerbForm == Fin }

// String renders the analysis as lemma/UPOS|Feat=Val…, e.g.
// "toucher/VERB|Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part".
func (a Analysis) String() string {
	return a.Lemma + "/" + a.tag()
}

// tag renders the POS and features in the generator's canonical order
// (features sorted by name).
func (a Analysis) tag() string {
	s := a.POS.String()
	add := func(k, v string) {
		if v != "" {
			s += "|" + k + "=" + v
		}
	}
	add("Gender", a.Gender.String())
	add("Mood", a.Mood.String())
	add("Number", a.Number.String())
	if a.Person != 0 {
		add("Person", strconv.Itoa(int(a.Person)))
	}
	add("Tense", a.Tense.String())
	add("VerbForm", a.VerbForm.String())
	return s
}
