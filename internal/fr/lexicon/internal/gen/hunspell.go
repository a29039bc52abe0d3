package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads a Hunspell .aff/.dic pair (FLAG long, as Dicollecte's
// French dictionary uses) and expands every stem with its affix rules, the
// way Hunspell itself accepts words: a suffix rule applies when its condition
// matches the end of the stem and its strip text is a suffix of it; a prefix
// rule likewise at the start. We expand in Go rather than call unmunch
// because unmunch drops the morphological fields (po:, is:, st:) that give
// part of speech, gender, number and conjugation.

// Special flags of the French .aff (NEEDAFFIX, FORBIDDENWORD, …).
const (
	flagNeedAffix = "()"
	flagForbidden = "{}"
)

type cond struct {
	// Each element matches one rune: a literal, '.', or a bracket set.
	elems []condElem
}

type condElem struct {
	any    bool
	negate bool
	runes  []rune
}

func (e condElem) match(r rune) bool {
	if e.any {
		return true
	}
	in := false
	for _, x := range e.runes {
		if x == r {
			in = true
			break
		}
	}
	return in != e.negate
}

func parseCond(s string) (cond, error) {
	var c cond
	if s == "." {
		return c, nil
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '.':
			c.elems = append(c.elems, condElem{any: true})
		case '[':
			j := i + 1
			e := condElem{}
			if j < len(rs) && rs[j] == '^' {
				e.negate = true
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				e.runes = append(e.runes, rs[j])
				j++
			}
			if j == len(rs) {
				return c, fmt.Errorf("unclosed [ in condition %q", s)
			}
			c.elems = append(c.elems, e)
			i = j
		default:
			c.elems = append(c.elems, condElem{runes: []rune{rs[i]}})
		}
	}
	return c, nil
}

// matchEnd reports whether the condition matches the last runes of w.
func (c cond) matchEnd(w []rune) bool {
	if len(c.elems) > len(w) {
		return false
	}
	off := len(w) - len(c.elems)
	for i, e := range c.elems {
		if !e.match(w[off+i]) {
			return false
		}
	}
	return true
}

// matchStart reports whether the condition matches the first runes of w.
func (c cond) matchStart(w []rune) bool {
	if len(c.elems) > len(w) {
		return false
	}
	for i, e := range c.elems {
		if !e.match(w[i]) {
			return false
		}
	}
	return true
}

type rule struct {
	strip, add string
	cont       []string // continuation flags
	cond       cond
	morph      []string
}

type affix struct {
	flag   string
	prefix bool
	cross  bool
	rules  []rule
}

type affFile struct {
	affixes map[string]*affix
}

func splitFlags(s string) ([]string, error) {
	if len(s)%2 != 0 {
		return nil, fmt.Errorf("odd-length long flag list %q", s)
	}
	out := make([]string, 0, len(s)/2)
	for i := 0; i < len(s); i += 2 {
		out = append(out, s[i:i+2])
	}
	return out, nil
}

func parseAff(r io.Reader) (*affFile, error) {
	a := &affFile{affixes: map[string]*affix{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 || (f[0] != "SFX" && f[0] != "PFX") {
			if len(f) >= 2 && f[0] == "FLAG" && f[1] != "long" {
				return nil, fmt.Errorf("aff line %d: FLAG %s unsupported (want long)", line, f[1])
			}
			continue
		}
		if len(f) < 4 {
			return nil, fmt.Errorf("aff line %d: short affix line", line)
		}
		flag := f[1]
		af, ok := a.affixes[flag]
		if !ok {
			// Header: SFX flag Y|N count.
			if _, err := strconv.Atoi(f[3]); err != nil {
				return nil, fmt.Errorf("aff line %d: bad affix header", line)
			}
			a.affixes[flag] = &affix{flag: flag, prefix: f[0] == "PFX", cross: f[2] == "Y"}
			continue
		}
		if len(f) < 5 {
			return nil, fmt.Errorf("aff line %d: affix rule without condition", line)
		}
		ru := rule{strip: f[2], morph: f[5:]}
		if ru.strip == "0" {
			ru.strip = ""
		}
		add, cont, _ := strings.Cut(f[3], "/")
		if add == "0" {
			add = ""
		}
		ru.add = add
		if cont != "" {
			fl, err := splitFlags(cont)
			if err != nil {
				return nil, fmt.Errorf("aff line %d: %w", line, err)
			}
			ru.cont = fl
		}
		c, err := parseCond(f[4])
		if err != nil {
			return nil, fmt.Errorf("aff line %d: %w", line, err)
		}
		ru.cond = c
		af.rules = append(af.rules, ru)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read aff: %w", err)
	}
	return a, nil
}

// dicEntry is one line of the .dic file.
type dicEntry struct {
	word  string
	flags []string
	morph []string
}

func parseDic(r io.Reader) ([]dicEntry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []dicEntry
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 || (line == 1 && isDigits(f[0]) && len(f) == 1) {
			continue // blank line or the entry-count header
		}
		word, flags, _ := strings.Cut(f[0], "/")
		if !utf8.ValidString(word) {
			return nil, fmt.Errorf("dic line %d: invalid UTF-8", line)
		}
		e := dicEntry{word: word, morph: f[1:]}
		if flags != "" {
			fl, err := splitFlags(flags)
			if err != nil {
				return nil, fmt.Errorf("dic line %d: %w", line, err)
			}
			e.flags = fl
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read dic: %w", err)
	}
	return out, nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// generated is one surface form produced from a dictionary entry.
type generated struct {
	form  string
	lemma string   // stem, or the prefixed stem for unit prefixes
	morph []string // entry fields followed by the affixes' fields
}

// isElision reports whether a prefix rule glues an elided word (l', d',
// qu'…) to the stem. Those forms are left out: plume's tokeniser splits
// the elided word off, and the lexicon holds it as a word of its own.
func isElision(r rule) bool {
	return strings.ContainsAny(r.add, "'’")
}

func applySuffix(stem []rune, r rule) (string, bool) {
	if !r.cond.matchEnd(stem) {
		return "", false
	}
	s := string(stem)
	if !strings.HasSuffix(s, r.strip) {
		return "", false
	}
	return s[:len(s)-len(r.strip)] + r.add, true
}

func applyPrefix(stem []rune, r rule) (string, bool) {
	if !r.cond.matchStart(stem) {
		return "", false
	}
	s := string(stem)
	if !strings.HasPrefix(s, r.strip) {
		return "", false
	}
	return r.add + s[len(r.strip):], true
}

func joinMorph(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// expand returns every form entry e produces. Suffix rules' continuation
// flags are only elision prefixes in this dictionary; a prefix rule's
// continuation may name suffixes (kilo + mètre + s), which we apply.
func (a *affFile) expand(e dicEntry) ([]generated, error) {
	var out []generated
	var sfx, pfx []*affix
	need := false
	for _, f := range e.flags {
		switch f {
		case flagNeedAffix:
			need = true
			continue
		case flagForbidden:
			return nil, nil
		}
		af, ok := a.affixes[f]
		if !ok {
			continue // KEEPCASE, NOSUGGEST, …: no forms of their own
		}
		if af.prefix {
			pfx = append(pfx, af)
		} else {
			sfx = append(sfx, af)
		}
	}
	stem := []rune(e.word)
	if !need {
		out = append(out, generated{form: e.word, lemma: e.word, morph: e.morph})
	}
	type sfxForm struct {
		form  string
		cross bool
		morph []string
	}
	var sforms []sfxForm
	for _, af := range sfx {
		for _, r := range af.rules {
			w, ok := applySuffix(stem, r)
			if !ok {
				continue
			}
			for _, c := range r.cont {
				if ca, ok := a.affixes[c]; ok && !ca.prefix {
					return nil, fmt.Errorf("entry %q: two-level suffix %s→%s not supported", e.word, af.flag, c)
				}
			}
			m := joinMorph(e.morph, r.morph)
			out = append(out, generated{form: w, lemma: e.word, morph: m})
			sforms = append(sforms, sfxForm{form: w, cross: af.cross, morph: m})
		}
	}
	for _, af := range pfx {
		for _, r := range af.rules {
			if isElision(r) {
				continue
			}
			pw, ok := applyPrefix(stem, r)
			if !ok {
				continue
			}
			lemma := pw
			contNeed := false
			var contSfx []*affix
			for _, c := range r.cont {
				if c == flagNeedAffix {
					contNeed = true
				} else if ca, ok := a.affixes[c]; ok && !ca.prefix {
					contSfx = append(contSfx, ca)
				}
			}
			if !contNeed {
				out = append(out, generated{form: pw, lemma: lemma, morph: joinMorph(e.morph, r.morph)})
			}
			// Suffixes named by the prefix rule itself.
			for _, ca := range contSfx {
				for _, sr := range ca.rules {
					sw, ok := applySuffix(stem, sr)
					if !ok {
						continue
					}
					w, ok := applyPrefix([]rune(sw), rule{strip: r.strip, add: r.add, cond: cond{}})
					if !ok {
						continue
					}
					out = append(out, generated{form: w, lemma: lemma, morph: joinMorph(e.morph, r.morph, sr.morph)})
				}
			}
			// Cross product with the entry's own suffixes.
			if af.cross {
				for _, sf := range sforms {
					if !sf.cross {
						continue
					}
					w, ok := applyPrefix([]rune(sf.form), rule{strip: r.strip, add: r.add, cond: cond{}})
					if ok {
						out = append(out, generated{form: w, lemma: lemma, morph: joinMorph(sf.morph, r.morph)})
					}
				}
			}
		}
	}
	return out, nil
}
