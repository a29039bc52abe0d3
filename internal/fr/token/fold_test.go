package token

import "testing"

func TestFold(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"L’État":            "l'état",
		"Cœur":              "cœur",
		"e\u0301te\u0301":   "été",
		"porte\u2011parole": "porte-parole",
		"30\u00a0000":       "30 000",
		"abc def":           "abc def",
		"ÉCOLE":             "école",
		"aujourd\u02bchui":  "aujourd'hui",
		"":                  "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripAccents(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Élysée":  "Elysee",
		"ça":      "ca",
		"naïve":   "naive",
		"Cœur":    "Cœur",
		"e\u0301": "e",
		"plain":   "plain",
		"où ÇA":   "ou CA",
	} {
		if got := StripAccents(in); got != want {
			t.Errorf("StripAccents(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"  Le Cœur  de l’Élysée ":   "le coeur de l'elysee",
		"Æsthète":                   "aesthete",
		"\t\n":                      "",
		"Cyber\u00a0Safety\nReview": "cyber safety review",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
