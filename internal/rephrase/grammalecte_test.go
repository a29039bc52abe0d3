package rephrase

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGrammalecte runs Grammalecte (Debian package grammalecte-cli,
// GPL-3.0, run only as a separate process) on the outputs of every
// operation over the seed sentences and fails when an output has a grammar
// error, by rule, that its input did not already have. It is skipped when
// the binary is absent.
func TestGrammalecte(t *testing.T) {
	bin, err := exec.LookPath("grammalecte-cli")
	if err != nil {
		t.Skip("grammalecte-cli not installed (apt-get install grammalecte-cli); grammar cross-check skipped")
	}
	type pair struct{ op, in, out string }
	var pairs []pair
	seeds := seedSentences(t)
	for i, s := range seeds {
		for _, st := range []Style{StyleSelon, StyleReported, StyleIncise} {
			if out, ok := Reframe(s, st); ok {
				pairs = append(pairs, pair{"Reframe " + st.String(), s, out})
			}
		}
		if out, ok := VaryAttribution(s, i); ok {
			pairs = append(pairs, pair{"VaryAttribution", s, out})
		}
		if out, ok := Split(s); ok {
			pairs = append(pairs, pair{"Split", s, strings.Join(out, " ")})
		}
		if out := SplitLong(s, 20); len(out) > 1 {
			pairs = append(pairs, pair{"SplitLong", s, strings.Join(out, " ")})
		}
		if out, ok := StripDateline(s); ok {
			pairs = append(pairs, pair{"StripDateline", s, out})
		}
		if i > 0 {
			if out, ok := Connect(seeds[i-1], s); ok {
				pairs = append(pairs, pair{"Connect", s, out})
			}
		}
	}
	if len(pairs) < 10 {
		t.Fatalf("only %d transformed seed sentences to check", len(pairs))
	}
	// One text per line: Grammalecte numbers paragraphs by line, from 1.
	var b strings.Builder
	for _, p := range pairs {
		b.WriteString(p.in + "\n" + p.out + "\n")
	}
	file := filepath.Join(t.TempDir(), "outputs.txt")
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	raw, err := exec.CommandContext(ctx, bin, "-f", file, "-j").Output()
	if err != nil {
		t.Fatalf("run %s: %v", bin, err)
	}
	var res struct {
		Data []struct {
			IParagraph int `json:"iParagraph"`
			Errors     []struct {
				Rule       string `json:"sRuleId"`
				Underlined string `json:"sUnderlined"`
				Message    string `json:"sMessage"`
			} `json:"lGrammarErrors"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("decode grammalecte output: %v", err)
	}
	rules := map[int]map[string]int{}
	msgs := map[int][]string{}
	for _, p := range res.Data {
		for _, e := range p.Errors {
			if rules[p.IParagraph] == nil {
				rules[p.IParagraph] = map[string]int{}
			}
			rules[p.IParagraph][e.Rule]++
			msgs[p.IParagraph] = append(msgs[p.IParagraph], e.Rule+": "+e.Message+" «"+e.Underlined+"»")
		}
	}
	for k, p := range pairs {
		in, out := 2*k+1, 2*k+2
		for rule, n := range rules[out] {
			if n > rules[in][rule] {
				t.Errorf("%s added a grammar error (%s):\n in: %s\nout: %s\n    %v", p.op, rule, p.in, p.out, msgs[out])
			}
		}
	}
	t.Logf("grammalecte checked %d transformed seed sentences", len(pairs))
}
