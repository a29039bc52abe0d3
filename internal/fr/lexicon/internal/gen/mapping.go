package main

import (
	"strings"
)

// This file maps Grammalecte/Dicollecte morphological fields (po:, is:)
// to Universal Dependencies UPOS tags and features. The tag strings it
// writes ("VERB|VerbForm=Fin|Mood=Ind|Tense=Pres|Person=3|Number=Sing")
// are what package lexicon parses at load time.

// posOf maps a po:/is: value that names a part of speech to its UPOS.
var posOf = map[string]string{
	"nom": "NOUN", "titr": "NOUN", "loc.nom": "NOUN",
	"adj": "ADJ", "loc.adj": "ADJ",
	"npr": "PROPN", "prn": "PROPN", "patr": "PROPN", "loc.patr": "PROPN",
	"adv": "ADV", "negadv": "ADV", "advint": "ADV", "loc.adv": "ADV",
	"prep": "ADP", "prepv": "ADP", "loc.prep": "ADP", "loc.prepv": "ADP",
	"det": "DET", "detpos": "DET", "detdem": "DET", "detind": "DET", "detneg": "DET", "detex": "DET",
	"propersuj": "PRON", "properobj": "PRON", "prodem": "PRON", "proind": "PRON",
	"prorel": "PRON", "proint": "PRON", "proneg": "PRON", "proadv": "PRON",
	"cjco": "CCONJ", "cj": "CCONJ",
	// A loc.cj word starts a subordinating locution: parce (que), afin (que), tandis (que).
	"cjsub": "SCONJ", "loc.cj": "SCONJ", "loc.cjsub": "SCONJ",
	"nb": "NUM", "nbro": "NUM",
	"interj": "INTJ", "loc.interj": "INTJ",
	"ponc": "PUNCT",
	"sign": "SYM", "div": "SYM",
	"pfx": "X", "sfx": "X",
	"loc.verb": "VERB",
}

// verbForms maps Grammalecte's conjugation codes to UD features.
var verbForms = map[string]string{
	"infi": "VerbForm=Inf",
	"ppre": "VerbForm=Part|Tense=Pres",
	"ppas": "VerbForm=Part|Tense=Past",
	"ipre": "VerbForm=Fin|Mood=Ind|Tense=Pres",
	"iimp": "VerbForm=Fin|Mood=Ind|Tense=Imp",
	"ipsi": "VerbForm=Fin|Mood=Ind|Tense=Past",
	"ifut": "VerbForm=Fin|Mood=Ind|Tense=Fut",
	"cond": "VerbForm=Fin|Mood=Cnd|Tense=Pres",
	"spre": "VerbForm=Fin|Mood=Sub|Tense=Pres",
	"simp": "VerbForm=Fin|Mood=Sub|Tense=Imp",
	"impe": "VerbForm=Fin|Mood=Imp|Tense=Pres",
}

// verbOrder keeps analyses in a stable, readable order.
var verbOrder = []string{"infi", "ppre", "ppas", "ipre", "iimp", "ipsi", "ifut", "cond", "spre", "simp", "impe"}

// persons maps person-number codes. 1isg marks the first person used
// before an inverted je (aimè-je, eussé-je); it is still 1st singular.
var persons = map[string]string{
	"1sg": "Person=1|Number=Sing", "2sg": "Person=2|Number=Sing", "3sg": "Person=3|Number=Sing",
	"1pl": "Person=1|Number=Plur", "2pl": "Person=2|Number=Plur", "3pl": "Person=3|Number=Plur",
	"3pl!": "Person=3|Number=Plur", "1isg": "Person=1|Number=Sing",
}

var personOrder = []string{"1sg", "1isg", "2sg", "3sg", "1pl", "2pl", "3pl", "3pl!"}

// morphInfo is what the fields of one generated form say.
type morphInfo struct {
	verb    bool
	err     bool
	pos     []string // UPOS, in field order, de-duplicated
	vforms  map[string]bool
	persons map[string]bool
	pronPer string // Person=N for pronouns (po:3pe)
	gender  string
	number  string
	stem    string // st: field, the dictionary's lemma when it differs
}

func readMorph(fields []string) morphInfo {
	m := morphInfo{vforms: map[string]bool{}, persons: map[string]bool{}}
	addPOS := func(p string) {
		for _, x := range m.pos {
			if x == p {
				return
			}
		}
		m.pos = append(m.pos, p)
	}
	for _, f := range fields {
		k, v, ok := strings.Cut(f, ":")
		if !ok {
			continue
		}
		switch k {
		case "st":
			m.stem = v
			continue
		case "po", "is":
		default:
			continue // dp:, al:, fl: carry nothing we map
		}
		switch {
		case len(v) >= 2 && v[0] == 'v' && v[1] >= '0' && v[1] <= '3':
			m.verb = true
		case v == "err":
			m.err = true
		case posOf[v] != "":
			addPOS(posOf[v])
		case verbForms[v] != "":
			m.vforms[v] = true
		case persons[v] != "":
			m.persons[v] = true
		case v == "1pe" || v == "2pe" || v == "3pe":
			m.pronPer = "Person=" + v[:1]
		case v == "mas":
			m.gender = "Gender=Masc"
		case v == "fem":
			m.gender = "Gender=Fem"
		case v == "epi":
			m.gender = "Gender=Epi"
		case v == "sg":
			m.number = "Number=Sing"
		case v == "pl":
			m.number = "Number=Plur"
		case v == "inv":
			m.number = "Number=Inv"
		}
	}
	return m
}

func tag(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(p)
	}
	return b.String()
}

// auxLemmas are the verbs that also carry AUX: the two tense auxiliaries.
var auxLemmas = map[string]bool{"être": true, "avoir": true}

type ana struct{ lemma, tag string }

// mapForm turns one generated form into UD analyses. adjLemma is the
// masculine singular past participle of the entry's verb, the lemma its
// participles get when read as adjectives ("touchées" ADJ → "touché").
func mapForm(g generated, adjLemma string) []ana {
	m := readMorph(g.morph)
	if m.err {
		return nil // forms Dicollecte marks as errors (qu, lorsqu without apostrophe)
	}
	lemma := g.lemma
	if m.stem != "" {
		lemma = m.stem
	}
	var out []ana
	if m.verb {
		for _, vf := range verbOrder {
			if !m.vforms[vf] {
				continue
			}
			switch vf {
			case "infi", "ppre":
				out = append(out, ana{lemma, tag("VERB", verbForms[vf])})
			case "ppas":
				out = append(out, ana{lemma, tag("VERB", m.gender, m.number, verbForms[vf])})
				if contains(m.pos, "ADJ") && adjLemma != "" {
					out = append(out, ana{adjLemma, tag("ADJ", m.gender, m.number, "VerbForm=Part")})
				}
			default:
				n := 0
				for _, p := range personOrder {
					if m.persons[p] {
						out = append(out, ana{lemma, tag("VERB", verbForms[vf], persons[p])})
						n++
					}
				}
				if n == 0 {
					out = append(out, ana{lemma, tag("VERB", verbForms[vf])})
				}
			}
		}
		if len(out) == 0 {
			// A verb entry with no conjugation field: Dicollecte lists a
			// few defective verbs only by their infinitive.
			out = append(out, ana{lemma, "VERB"})
		}
		if auxLemmas[lemma] {
			n := len(out)
			for _, a := range out[:n] {
				if strings.HasPrefix(a.tag, "VERB") {
					out = append(out, ana{lemma, "AUX" + strings.TrimPrefix(a.tag, "VERB")})
				}
			}
		}
		return out
	}
	for _, p := range m.pos {
		switch p {
		case "PRON":
			out = append(out, ana{lemma, tag(p, m.gender, m.number, m.pronPer)})
		case "NOUN", "ADJ", "PROPN", "DET", "NUM":
			out = append(out, ana{lemma, tag(p, m.gender, m.number)})
		default:
			out = append(out, ana{lemma, p})
		}
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
