package serve

import (
	"net/http"
	"testing"
)

// FuzzAPI sends arbitrary bodies to every POST route: the answer is a
// success or a client error in the one shape, never an internal error (the
// middleware would turn a panic into one).
func FuzzAPI(f *testing.F) {
	for _, b := range []string{
		`{"text":"Le maire de Lyon a présenté jeudi le budget. Il a été voté à 12 voix contre 3."}`,
		`{"html":"<p>Un paragraphe.</p>"}`,
		`{"url":"http://127.0.0.1:1/"}`,
		`{"sources":[{"text":"a"},{"text":"b"}],"min_words":10}`,
		`{"text":"# Titre\n\nDu texte.","keyphrase":"titre","lang":"en","mode":"exact"}`,
		`{"text":"\u0000"}`, `[]`, `null`, `{"text":1}`, `{`,
	} {
		f.Add(uint8(0), b)
	}
	s := New(Options{MaxBody: 1 << 16})
	h := s.Handler()
	paths := []string{"/api/v1/clean", "/api/v1/analyze", "/api/v1/rewrite"}
	f.Fuzz(func(t *testing.T, which uint8, body string) {
		path := paths[int(which)%len(paths)]
		w := call(t, h, "POST", path, body)
		if w.Code == http.StatusOK {
			return
		}
		e := apiErr(t, w)
		if w.Code >= 500 && w.Code != http.StatusServiceUnavailable && w.Code != http.StatusGatewayTimeout {
			t.Fatalf("POST %s %q: %d %s: %s", path, body, w.Code, e.Error.Code, e.Error.Message)
		}
	})
}
