package nlp

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestAnalyzeSeed(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/004.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	a := Analyze(text)
	if a.Language != "fr" {
		t.Errorf("language %q, want fr", a.Language)
	}
	if len(a.Sentences) < 10 {
		t.Fatalf("%d sentences", len(a.Sentences))
	}
	var figures, dates, phrases []string
	for _, s := range a.Sentences {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence offsets [%d,%d) do not give %q", s.Start, s.End, s.Text)
		}
		for _, tk := range s.Tokens {
			if s.Text[tk.Start:tk.End] != tk.Text || tk.Tag == "" || tk.Lemma == "" {
				t.Errorf("bad token %+v in %q", tk, s.Text)
			}
		}
		for _, f := range s.Figures {
			figures = append(figures, f.Text+"="+f.Key+"/"+f.Noun)
		}
		for _, d := range s.Dates {
			dates = append(dates, d.Text)
		}
		for _, p := range s.Phrases {
			phrases = append(phrases, p.Text)
		}
	}
	if !contains(figures, "environ 25=count:25/organisations") {
		t.Errorf("figures %q lack « environ 25 organisations »", figures)
	}
	if !contains(dates, "mi-mai") {
		t.Errorf("dates %q lack « mi-mai »", dates)
	}
	if !contains(phrases, "jetons d’authentification numérique") {
		t.Errorf("phrases lack « jetons d’authentification numérique »")
	}
	var ents []string
	for _, e := range a.Entities {
		ents = append(ents, e.Type.String()+":"+e.Canonical)
		for _, m := range e.Mentions {
			if s := a.Sentences[m.Sentence].Text; s[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not index its sentence", m)
			}
		}
	}
	for _, want := range []string{"threat_actor:Storm-0558", "person:Gina Raimondo", "product:Office 365", "place:Guam"} {
		if !contains(ents, want) {
			t.Errorf("entities %q lack %s", ents, want)
		}
	}
	// The JSON form names enumerations.
	j, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"type":"threat_actor"`, `"kind":"proper"`, `"tag":"NOUN"`, `"qualifier":"about"`} {
		if !strings.Contains(string(j), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestAnalyzeEmpty(t *testing.T) {
	t.Parallel()
	a := Analyze("")
	if len(a.Sentences) != 0 || len(a.Entities) != 0 || a.Words != 0 {
		t.Errorf("Analyze(\"\") = %+v", a)
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Le 2 avril, la CISA a publié une directive d’urgence pour 30 000 clients.")
	f.Add("\xff« » ( ) 12,5 % Storm-0558")
	f.Fuzz(func(t *testing.T, s string) {
		a := Analyze(s)
		for _, st := range a.Sentences {
			if st.Start < 0 || st.End > len(s) || st.Start > st.End {
				t.Fatalf("bad sentence span %d..%d", st.Start, st.End)
			}
		}
	})
}

// BenchmarkAnalyze runs the whole kit on a 400-word article (seed 004).
func BenchmarkAnalyze(b *testing.B) {
	raw, err := os.ReadFile("testdata/004.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Analyze(text)
	}
}
