package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log"
	"os/exec"
	"strings"
	"unicode"

	"github.com/plume-seo/plume/internal/fr/lexicon/internal/lexfmt"
)

// verifyForms checks our expansion against the hunspell binary: every form
// must be accepted (`hunspell -l` lists the rejected ones), and for every
// 97th form Hunspell's own analysis (`hunspell -m`) must name each of our
// verb, noun and adjective lemmas. Differences are printed; more than a
// handful fails the run.
func verifyForms(entries []lexfmt.Entry) error {
	handWritten := map[string]bool{}
	for _, c := range closedClass {
		handWritten[c.form] = true
	}
	var all bytes.Buffer
	for _, e := range entries {
		// hunspell -l splits words at subscripts and small capitals (AgBF₄,
		// Dᴏ), so it would reject pieces of forms, not our forms.
		if handWritten[e.Form] || !plainLatin(e.Form) {
			continue
		}
		all.WriteString(e.Form)
		all.WriteByte('\n')
	}
	cmd := exec.Command("hunspell", "-d", "fr_FR", "-l")
	cmd.Stdin = &all
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("hunspell -l: %w", err)
	}
	rejected := strings.Fields(string(out))
	for i, w := range rejected {
		if i < 20 {
			log.Printf("verify: hunspell rejects %q", w)
		}
	}
	log.Printf("verify: hunspell rejects %d of %d forms", len(rejected), len(entries))

	var sample bytes.Buffer
	var picked []lexfmt.Entry
	for i := 0; i < len(entries); i += 97 {
		if strings.ContainsAny(entries[i].Form, " \t") {
			continue
		}
		picked = append(picked, entries[i])
		sample.WriteString(entries[i].Form)
		sample.WriteByte('\n')
	}
	cmd = exec.Command("hunspell", "-d", "fr_FR", "-m")
	cmd.Stdin = &sample
	out, err = cmd.Output()
	if err != nil {
		return fmt.Errorf("hunspell -m: %w", err)
	}
	// Output: one line per analysis, "form  field field…", blank line between words.
	stems := map[string]map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		form := strings.ReplaceAll(f[0], "’", "'")
		if stems[form] == nil {
			stems[form] = map[string]bool{}
		}
		for _, x := range f[1:] {
			if s, ok := strings.CutPrefix(x, "st:"); ok {
				stems[form][strings.ReplaceAll(s, "’", "'")] = true
			}
		}
	}
	missing := 0
	for _, e := range picked {
		for _, a := range e.Analyses {
			p, _, _ := strings.Cut(a.Tag, "|")
			if p != "VERB" && p != "NOUN" || strings.Contains(a.Tag, "Part") {
				continue
			}
			// Hunspell names the bare unit as the stem of kilomètres; we keep
			// kilomètre, so prefixed units are skipped.
			if st := stems[e.Form]; st != nil && !st[a.Lemma] && a.Lemma != e.Form && !unitLemma(st, a.Lemma) {
				missing++
				if missing <= 20 {
					log.Printf("verify: %q %s lemma %q, hunspell says %v", e.Form, a.Tag, a.Lemma, st)
				}
			}
		}
	}
	log.Printf("verify: %d sampled forms, %d lemma disagreements", len(picked), missing)
	if len(rejected) > 0 || missing > len(picked)/100 {
		return fmt.Errorf("verify: too many disagreements with hunspell (%d rejected, %d lemmas)", len(rejected), missing)
	}
	return nil
}

func unitLemma(stems map[string]bool, lemma string) bool {
	for s := range stems {
		if strings.HasSuffix(lemma, s) {
			return true
		}
	}
	return false
}

func plainLatin(s string) bool {
	for _, r := range s {
		if r > 0x24F || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
