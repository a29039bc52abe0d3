package store

import (
	"context"
	"strings"
	"testing"
)

// FuzzSourceRoundTrip checks that any clean text and URL the cleaner could
// hand over (NUL bytes, invalid UTF-8, quotes) come back byte for byte, and
// that putting it again is recognised as a duplicate.
func FuzzSourceRoundTrip(f *testing.F) {
	for _, seed := range []struct{ text, url string }{
		{"Le préfet a annoncé 3 000 € d'aide.", "https://example.fr/a?b=1#c"},
		{"guillemets « » et 'apostrophes' ; DROP TABLE sources; --", ""},
		{"nul\x00byte", "u\x00"},
		{"\xff\xfe invalide", "\xc3"},
	} {
		f.Add(seed.text, seed.url)
	}
	s, _ := setup(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text, url string) {
		id, _, err := s.PutSource(ctx, Source{CleanText: text, URL: url})
		if strings.TrimSpace(text) == "" {
			if err == nil {
				t.Fatal("blank text accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Source(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// An earlier input may own the URL; then that source is returned.
		if got.ContentHash == ContentHash(text) && got.CleanText != text {
			t.Fatalf("text %q came back as %q", text, got.CleanText)
		}
		if got.ContentHash != ContentHash(text) && (url == "" || got.URL != url) {
			t.Fatalf("put %q/%q returned unrelated source %+v", text, url, got)
		}
		id2, created, err := s.PutSource(ctx, Source{CleanText: text, URL: url})
		if err != nil || created || id2 != id {
			t.Fatalf("second put = %d, %v, %v; want %d, false", id2, created, err, id)
		}
	})
}
