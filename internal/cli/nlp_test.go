package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// runNLPCmd runs the nlp command in-process. It calls runNLP directly so
// that the test does not depend on the command's registration in
// commands().
func runNLPCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := runNLP(context.Background(), args, IO{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return result{code, out.String(), errb.String()}
}

func TestNLPText(t *testing.T) {
	t.Parallel()
	r := runNLPCmd(t, "", seed003)
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"language: fr",
		"[1] L’Agence américaine de cybersécurité",
		"Agence/NOUN",
		"directive d’urgence (directive)",
		"2 avril [",
		"threat_actor Midnight Blizzard",
		"CISA ×",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// The brief and the byline are not article text.
	for _, bad := range []string{"Make this article", "Raphaël Satter"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("output analyses furniture %q", bad)
		}
	}
}

func TestNLPJSON(t *testing.T) {
	t.Parallel()
	r := runNLPCmd(t, "", "--format", "json", "../../testdata/seeds/000_0d69b5ed976f889e.txt")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var a struct {
		Language  string `json:"language"`
		Sentences []struct {
			Text   string `json:"text"`
			Tokens []struct {
				Text, Tag, Lemma string
			} `json:"tokens"`
			Phrases []struct {
				Text string `json:"text"`
				Head string `json:"head"`
			} `json:"phrases"`
			Figures []struct {
				Key string `json:"key"`
			} `json:"figures"`
		} `json:"sentences"`
		Entities []struct {
			Canonical string   `json:"canonical"`
			Type      string   `json:"type"`
			Variants  []string `json:"variants"`
			Titles    []string `json:"titles"`
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	if a.Language != "fr" || len(a.Sentences) < 10 {
		t.Fatalf("language %q, %d sentences", a.Language, len(a.Sentences))
	}
	keys := map[string]bool{}
	phrases := map[string]string{}
	for _, s := range a.Sentences {
		for _, f := range s.Figures {
			keys[f.Key] = true
		}
		for _, p := range s.Phrases {
			phrases[p.Text] = p.Head
		}
	}
	if !keys["count:30000"] || !keys["count:250000"] {
		t.Errorf("figure keys %v lack 30 000 and 250 000", keys)
	}
	if phrases["groupes de réflexion américains"] != "groupes" {
		t.Errorf("phrase « groupes de réflexion américains » missing or wrong head: %q", phrases["groupes de réflexion américains"])
	}
	found := false
	for _, e := range a.Entities {
		if e.Canonical == "Jen Psaki" {
			found = true
			if e.Type != "person" || len(e.Variants) != 2 || len(e.Titles) == 0 {
				t.Errorf("Jen Psaki: %+v", e)
			}
		}
	}
	if !found {
		t.Error("no entity Jen Psaki")
	}
}

func TestNLPUsage(t *testing.T) {
	t.Parallel()
	if r := runNLPCmd(t, ""); r.code != ExitUsage || !strings.Contains(r.stderr, "exactly one INPUT") {
		t.Errorf("no input: %+v", r)
	}
	if r := runNLPCmd(t, "", "--format", "xml", seed003); r.code != ExitUsage || !strings.Contains(r.stderr, "unknown --format") {
		t.Errorf("bad format: %+v", r)
	}
	if r := runNLPCmd(t, "", "--help"); r.code != ExitOK || !strings.Contains(r.stdout, "-format") {
		t.Errorf("--help: %+v", r)
	}
	if r := runNLPCmd(t, "", "testdata/does-not-exist.txt"); r.code != ExitUsage || r.stderr == "" {
		t.Errorf("missing file: %+v", r)
	}
	// Standard input works like a file.
	r := runNLPCmd(t, "La Maison Blanche a refusé de commenter le nombre de victimes touchées par l’attaque contre Microsoft, a déclaré Jen Psaki mardi à Washington.", "-")
	if r.code != ExitOK || !strings.Contains(r.stdout, "org          Maison Blanche") {
		t.Errorf("stdin: %+v", r)
	}
}
