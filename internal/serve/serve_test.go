package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/store"
)

const seedDir = "../../testdata/seeds"

func seed(t testing.TB, prefix string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(seedDir, prefix+"_*.txt"))
	if err != nil || len(m) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, m, err)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "plume.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// call sends one request to h and returns the recorded response.
func call(t testing.TB, h http.Handler, method, path string, body any, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// apiErr decodes an error response, failing unless it has the one shape.
func apiErr(t testing.TB, w *httptest.ResponseRecorder) errorBody {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("error response Content-Type %q, body %q", ct, w.Body.String())
	}
	var e errorBody
	dec := json.NewDecoder(bytes.NewReader(w.Body.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("error body %q is not {error:{code,message}}: %v", w.Body.String(), err)
	}
	if strings.Contains(e.Error.Message, "\n") {
		t.Errorf("error message %q spans lines", e.Error.Message)
	}
	return e
}

// result is the part of the rewrite JSON contract the tests read.
type result struct {
	Title           string `json:"title"`
	SEOTitle        string `json:"seo_title"`
	MetaDescription string `json:"meta_description"`
	Slug            string `json:"slug"`
	Keyphrase       string `json:"keyphrase"`
	Sections        []struct {
		Heading string `json:"heading"`
		Level   int    `json:"level"`
	} `json:"sections"`
	WordCount int    `json:"word_count"`
	Language  string `json:"language"`
	Markdown  string `json:"markdown"`
	HTML      string `json:"html"`
	Checks    []struct {
		ID     string `json:"id"`
		Rating string `json:"rating"`
	} `json:"checks"`
	Fidelity struct {
		Unsupported []any `json:"unsupported"`
	} `json:"fidelity"`
	Warnings []string `json:"warnings"`
}

func decodeResult(t testing.TB, b []byte) result {
	t.Helper()
	var r result
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("rewrite response is not the JSON contract: %v: %.200s", err, b)
	}
	return r
}

func TestHealth(t *testing.T) {
	s := New(Options{Version: "v9", Store: openStore(t)})
	w := call(t, s.Handler(), "GET", "/healthz", nil)
	var h struct {
		Status  string   `json:"status"`
		Version string   `json:"version"`
		Writers []string `json:"writers"`
		Store   bool     `json:"store"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &h) != nil {
		t.Fatalf("healthz: %d %s", w.Code, w.Body)
	}
	if h.Status != "ok" || h.Version != "v9" || !h.Store || len(h.Writers) != 1 || h.Writers[0] != "extractive" {
		t.Errorf("healthz = %+v", h)
	}
}

// TestRewriteAndHistory writes an article from a seed, then finds it in
// the history, its story and by id.
func TestRewriteAndHistory(t *testing.T) {
	s := New(Options{Store: openStore(t)})
	h := s.Handler()
	w := call(t, h, "POST", "/api/v1/rewrite", map[string]any{"text": seed(t, "001"), "min_words": 400})
	if w.Code != 200 {
		t.Fatalf("rewrite: %d %s", w.Code, w.Body)
	}
	res := decodeResult(t, w.Body.Bytes())
	h2 := 0
	for _, sec := range res.Sections {
		if sec.Level == 2 {
			h2++
		}
	}
	if res.Title == "" || res.Slug == "" || res.Keyphrase == "" || res.Language != "fr" || h2 < 3 ||
		res.WordCount < 400 || len(res.Checks) == 0 || len(res.Fidelity.Unsupported) != 0 ||
		!strings.Contains(res.HTML, "<article>") || !strings.HasPrefix(res.Markdown, "---\n") {
		t.Errorf("article: title %q slug %q keyphrase %q lang %q, %d H2, %d words, %d checks, unsupported %v",
			res.Title, res.Slug, res.Keyphrase, res.Language, h2, res.WordCount, len(res.Checks), res.Fidelity.Unsupported)
	}
	loc := w.Header().Get("Location")
	if !strings.HasPrefix(loc, "/api/v1/articles/") {
		t.Fatalf("Location = %q", loc)
	}

	w = call(t, h, "GET", "/api/v1/articles", nil)
	var list struct {
		Articles []articleSummary `json:"articles"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &list) != nil || len(list.Articles) != 1 {
		t.Fatalf("history: %d %s", w.Code, w.Body)
	}
	got := list.Articles[0]
	if got.Title != res.Title || got.Words != res.WordCount || "/api/v1/articles/"+fmt.Sprint(got.ID) != loc {
		t.Errorf("history entry %+v, want title %q, %d words, at %s", got, res.Title, res.WordCount, loc)
	}

	w = call(t, h, "GET", loc, nil)
	var one struct {
		ID       int64           `json:"id"`
		StoryID  int64           `json:"story_id"`
		Markdown string          `json:"markdown"`
		Result   json.RawMessage `json:"result"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &one) != nil {
		t.Fatalf("article: %d %s", w.Code, w.Body)
	}
	if again := decodeResult(t, one.Result); again.Title != res.Title || one.Markdown != res.Markdown {
		t.Errorf("stored article differs from the response: %q vs %q", again.Title, res.Title)
	}

	w = call(t, h, "GET", "/api/v1/stories", nil)
	var sts struct {
		Stories []storyJSON `json:"stories"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &sts) != nil || len(sts.Stories) != 1 || sts.Stories[0].ID != one.StoryID || sts.Stories[0].Sources != 1 {
		t.Fatalf("stories: %d %s (article's story %d)", w.Code, w.Body, one.StoryID)
	}
	w = call(t, h, "GET", fmt.Sprintf("/api/v1/stories/%d", one.StoryID), nil)
	var story struct {
		Sources  []struct{ Name string } `json:"sources"`
		Articles []articleSummary        `json:"articles"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &story) != nil || len(story.Articles) != 1 || story.Articles[0].ID != one.ID {
		t.Fatalf("story: %d %s", w.Code, w.Body)
	}
	if n := story.Sources[0].Name; n == "" || strings.HasPrefix(n, "source ") {
		t.Errorf("pasted source stored as %q, want a label from its text", n)
	}

	// The same text again is the same source and story, and a second article.
	w = call(t, h, "POST", "/api/v1/rewrite", map[string]any{"text": seed(t, "001"), "min_words": 400})
	if w.Code != 200 {
		t.Fatalf("second rewrite: %d", w.Code)
	}
	w = call(t, h, "GET", "/api/v1/stories", nil)
	if json.Unmarshal(w.Body.Bytes(), &sts) != nil || len(sts.Stories) != 1 || sts.Stories[0].Sources != 1 {
		t.Errorf("after the same text twice: %s", w.Body)
	}
}

// TestRelatedFromStore: an article written after others of the store gets
// its related stories as context, as plume batch does.
func TestRelatedFromStore(t *testing.T) {
	h := New(Options{Store: openStore(t)}).Handler()
	for _, p := range []string{"002", "004"} {
		if w := call(t, h, "POST", "/api/v1/rewrite", map[string]any{"text": seed(t, p)}); w.Code != 200 {
			t.Fatalf("rewrite %s: %d %s", p, w.Code, w.Body)
		}
	}
	alone := decodeResult(t, call(t, New(Options{}).Handler(), "POST", "/api/v1/rewrite", map[string]any{"text": seed(t, "003")}).Body.Bytes())
	w := call(t, h, "POST", "/api/v1/rewrite", map[string]any{"text": seed(t, "003")})
	with := decodeResult(t, w.Body.Bytes())
	if with.WordCount <= alone.WordCount {
		t.Errorf("003 with the store's related stories: %d words, alone %d: want more", with.WordCount, alone.WordCount)
	}
}

func TestRewriteFormats(t *testing.T) {
	h := New(Options{}).Handler()
	for _, tc := range []struct{ format, ctype, start string }{
		{"md", "text/markdown", "---\n"},
		{"html", "text/html", "<!DOCTYPE html>"},
		{"json", "application/json", "{"},
	} {
		w := call(t, h, "POST", "/api/v1/rewrite", map[string]any{"text": seed(t, "000"), "format": tc.format})
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), tc.ctype) || !strings.HasPrefix(w.Body.String(), tc.start) {
			t.Errorf("format %s: %d %q %.40q", tc.format, w.Code, w.Header().Get("Content-Type"), w.Body.String())
		}
	}
}

func TestAnalyze(t *testing.T) {
	h := New(Options{}).Handler()
	md := decodeResult(t, call(t, h, "POST", "/api/v1/rewrite", map[string]any{"text": seed(t, "004")}).Body.Bytes()).Markdown
	w := call(t, h, "POST", "/api/v1/analyze", map[string]any{"text": md})
	var rep struct {
		SEOScore int `json:"seo_score"`
		Checks   []struct {
			ID, Message string
		} `json:"checks"`
		Figures struct {
			Words int `json:"words"`
		} `json:"figures"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &rep) != nil || len(rep.Checks) < 10 || rep.Figures.Words < 300 || rep.SEOScore <= 0 {
		t.Fatalf("analyze: %d %.300s", w.Code, w.Body)
	}
	// Messages are French by default, English on request.
	for lang, want := range map[string]string{"": "fr", "en": "en"} {
		w := call(t, h, "POST", "/api/v1/analyze", map[string]any{"text": md, "lang": lang})
		if err := json.Unmarshal(w.Body.Bytes(), &rep); err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, c := range rep.Checks {
			msgs = append(msgs, c.Message)
		}
		if got := langid.Detect(strings.Join(msgs, " ")).Lang; got != want {
			t.Errorf("lang %q: messages read as %q, want %q", lang, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	h := New(Options{}).Handler()
	w := call(t, h, "POST", "/api/v1/clean", map[string]any{"text": seed(t, "003")})
	var doc struct {
		Brief *struct {
			MinWords int `json:"min_words"`
		} `json:"brief"`
		Blocks  []struct{ Text string }   `json:"blocks"`
		Removed []struct{ Reason string } `json:"removed"`
	}
	if w.Code != 200 {
		t.Fatalf("clean: %d %s", w.Code, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil || len(doc.Blocks) < 3 || doc.Brief == nil || doc.Brief.MinWords != 700 {
		t.Errorf("clean of 003: err %v, %d blocks, brief %+v", err, len(doc.Blocks), doc.Brief)
	}
}

// TestErrors: every bad request gets its status and the one error shape.
func TestErrors(t *testing.T) {
	s := New(Options{MaxBody: 64 << 10})
	noStore := s.Handler()
	withStore := New(Options{Store: openStore(t)}).Handler()
	big := strings.Repeat("Un mot. ", 10000)
	furniture := "Partager sur Facebook\nPartager sur Twitter\nLaisser un commentaire\n"
	english, err := os.ReadFile(filepath.Join("..", "..", "testdata", "english", "ridge-fire_en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name         string
		h            http.Handler
		method, path string
		body         any
		header       []string
		status       int
		code         string
	}{
		{"empty body", noStore, "POST", "/api/v1/rewrite", "", nil, 400, "bad_request"},
		{"not JSON", noStore, "POST", "/api/v1/rewrite", "{text:", nil, 400, "bad_request"},
		{"two values", noStore, "POST", "/api/v1/clean", `{"text":"a"} {}`, nil, 400, "bad_request"},
		{"unknown field", noStore, "POST", "/api/v1/rewrite", `{"txt":"a"}`, nil, 400, "bad_request"},
		{"no source", noStore, "POST", "/api/v1/rewrite", `{"keyphrase":"x"}`, nil, 400, "bad_request"},
		{"two fields", noStore, "POST", "/api/v1/rewrite", map[string]string{"text": "a", "url": "https://example.org/"}, nil, 400, "bad_request"},
		{"bad format", noStore, "POST", "/api/v1/rewrite", map[string]string{"text": "a", "format": "pdf"}, nil, 400, "bad_request"},
		{"bad writer", noStore, "POST", "/api/v1/rewrite", map[string]string{"text": "a", "writer": "gpt"}, nil, 400, "bad_request"},
		{"no model", noStore, "POST", "/api/v1/rewrite", map[string]string{"text": "a", "writer": "llm"}, nil, 400, "llm_unavailable"},
		{"min words", noStore, "POST", "/api/v1/rewrite", map[string]any{"text": "a", "min_words": -1}, nil, 400, "bad_request"},
		{"too many sources", noStore, "POST", "/api/v1/rewrite", map[string]any{"sources": make([]sourceReq, 11)}, nil, 400, "bad_request"},
		{"too large", noStore, "POST", "/api/v1/rewrite", map[string]string{"text": big}, nil, 413, "too_large"},
		{"form body", noStore, "POST", "/api/v1/rewrite", nil, []string{"Content-Type", "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"},
		{"furniture only", noStore, "POST", "/api/v1/rewrite", map[string]string{"text": furniture}, nil, 422, "no_article"},
		{"english source, offline", noStore, "POST", "/api/v1/rewrite", map[string]string{"text": string(english)}, nil, 422, "not_french"},
		{"no publishable sentence", noStore, "POST", "/api/v1/rewrite", map[string]string{"text": "0 0 00 a Il à!"}, nil, 422, "no_article"}, // found by FuzzAPI
		{"binary", noStore, "POST", "/api/v1/clean", map[string]string{"text": "\x00\x01\x02\x03\x00\x00\x00"}, nil, 422, "bad_input"},
		{"ftp", noStore, "POST", "/api/v1/rewrite", map[string]string{"url": "ftp://example.org/a"}, nil, 422, "bad_input"},
		{"file path", noStore, "POST", "/api/v1/clean", map[string]string{"url": "/etc/passwd"}, nil, 422, "bad_input"},
		{"empty article", noStore, "POST", "/api/v1/analyze", map[string]string{"text": "   "}, nil, 422, "no_article"},
		{"analyze both", noStore, "POST", "/api/v1/analyze", map[string]string{"text": "a", "html": "<p>a</p>"}, nil, 400, "bad_request"},
		{"analyze lang", noStore, "POST", "/api/v1/analyze", map[string]string{"text": "a", "lang": "de"}, nil, 400, "bad_request"},
		{"wrong method", noStore, "GET", "/api/v1/rewrite", nil, nil, 405, "method_not_allowed"},
		{"post on a GET route", noStore, "POST", "/api/v1/articles", "{}", nil, 405, "method_not_allowed"},
		{"post on the page", noStore, "POST", "/", "{}", nil, 405, "method_not_allowed"},
		{"unknown API path", noStore, "GET", "/api/v2/rewrite", nil, nil, 404, "not_found"},
		{"no store", noStore, "GET", "/api/v1/articles", nil, nil, 404, "no_store"},
		{"bad id", withStore, "GET", "/api/v1/articles/abc", nil, nil, 400, "bad_request"},
		{"missing article", withStore, "GET", "/api/v1/articles/999", nil, nil, 404, "not_found"},
		{"missing story", withStore, "GET", "/api/v1/stories/999", nil, nil, 404, "not_found"},
		{"bad limit", withStore, "GET", "/api/v1/articles?limit=500", nil, nil, 400, "bad_request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := call(t, tc.h, tc.method, tc.path, tc.body, tc.header...)
			e := apiErr(t, w)
			if w.Code != tc.status || e.Error.Code != tc.code {
				t.Errorf("%s %s: %d %s, want %d %s", tc.method, tc.path, w.Code, e.Error.Code, tc.status, tc.code)
			}
			if tc.status == 405 && w.Header().Get("Allow") == "" {
				t.Error("405 without Allow")
			}
		})
	}
}

func TestToken(t *testing.T) {
	h := New(Options{Token: "s3cret"}).Handler()
	body := map[string]string{"text": seed(t, "000")}
	for _, tc := range []struct {
		auth   string
		status int
	}{{"", 401}, {"Bearer wrong", 401}, {"s3cret", 401}, {"Basic s3cret", 401}, {"Bearer s3cret", 200}} {
		w := call(t, h, "POST", "/api/v1/clean", body, "Authorization", tc.auth)
		if w.Code != tc.status {
			t.Errorf("Authorization %q: %d, want %d", tc.auth, w.Code, tc.status)
		}
		if tc.status == 401 {
			if e := apiErr(t, w); e.Error.Code != "unauthorized" || w.Header().Get("WWW-Authenticate") == "" {
				t.Errorf("401 without its code or challenge: %s", w.Body)
			}
		}
	}
	// The page and the health check stay open: the page asks for the token.
	for _, p := range []string{"/", "/app.js", "/healthz"} {
		if w := call(t, h, "GET", p, nil); w.Code != 200 {
			t.Errorf("GET %s with a token set: %d", p, w.Code)
		}
	}
}

// TestNothingExecutes: script and event handlers in a source never come
// out as markup, and every response forbids inline scripts.
func TestNothingExecutes(t *testing.T) {
	h := New(Options{}).Handler()
	html := `<html><head><title>Essai</title></head><body><article><h1>Le conseil municipal vote le budget</h1>` +
		strings.Repeat(`<p>Le conseil municipal de Lyon a voté jeudi soir le budget de la ville pour l'année prochaine, après un long débat entre la majorité et l'opposition sur les investissements.</p>`, 6) +
		`<p>Le maire a salué <script>alert(1)</script>un vote <img src=x onerror="alert(2)">historique <a href="javascript:alert(3)">ici</a>.</p></article></body></html>`
	w := call(t, h, "POST", "/api/v1/rewrite", map[string]any{"html": html, "min_words": 100})
	if w.Code != 200 {
		t.Fatalf("rewrite: %d %s", w.Code, w.Body)
	}
	res := decodeResult(t, w.Body.Bytes())
	out := strings.ToLower(res.HTML + res.Markdown)
	for _, bad := range []string{"<script>", "onerror", "javascript:", "<img src=x"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	if n := strings.Count(strings.ToLower(res.HTML), "<script"); n != 1 || !strings.Contains(res.HTML, `<script type="application/ld+json">`) {
		t.Errorf("%d script elements, want only the JSON-LD", n)
	}
	for _, p := range []string{"/", "/api/v1/openapi.json", "/healthz"} {
		w := call(t, h, "GET", p, nil)
		csp := w.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: CSP %q", p, csp)
		}
	}
	// The page loads no script from elsewhere and has no inline script.
	page := call(t, h, "GET", "/", nil).Body.String()
	if strings.Contains(page, "http://") || strings.Contains(page, "https://cdn") || strings.Contains(page, "<script>") {
		t.Error("the editor page loads from elsewhere or has an inline script")
	}
}

// local serves seed 000 as a page on addr, and a redirect to target at /go.
func local(t *testing.T, addr, target string) string {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listen %s: %v", addr, err)
	}
	text := seed(t, "000")
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, text)
	})
	if target != "" {
		mux.Handle("/go", http.RedirectHandler(target, http.StatusFound))
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func TestSSRF(t *testing.T) {
	inner := local(t, "127.0.0.1:0", "")
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(inner, "http://"))
	guarded := New(Options{}).Handler()
	for _, u := range []string{inner + "/", "http://localhost:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]:" + port + "/"} {
		for _, path := range []string{"/api/v1/clean", "/api/v1/rewrite"} {
			w := call(t, guarded, "POST", path, map[string]string{"url": u})
			if e := apiErr(t, w); w.Code != 422 || e.Error.Code != "url_forbidden" {
				t.Errorf("%s %s: %d %s, want 422 url_forbidden", path, u, w.Code, e.Error.Code)
			}
		}
	}
	// A host the policy allows (127.0.0.2 standing in for a public host)
	// is read; its redirect to 127.0.0.1 is refused at the redirect.
	notOne := func(ip netip.Addr) bool { return ip != netip.MustParseAddr("127.0.0.1") }
	outer := local(t, "127.0.0.2:0", inner+"/")
	h := New(Options{allow: notOne}).Handler()
	if w := call(t, h, "POST", "/api/v1/clean", map[string]string{"url": outer + "/"}); w.Code != 200 {
		t.Fatalf("allowed host: %d %s", w.Code, w.Body)
	}
	w := call(t, h, "POST", "/api/v1/rewrite", map[string]string{"url": outer + "/go"})
	if e := apiErr(t, w); w.Code != 422 || e.Error.Code != "url_forbidden" {
		t.Errorf("redirect to 127.0.0.1: %d %s", w.Code, e.Error.Code)
	}
	// --allow-private-urls lets a newsroom read its own intranet.
	open := New(Options{AllowPrivateURLs: true}).Handler()
	if w := call(t, open, "POST", "/api/v1/rewrite", map[string]string{"url": inner + "/"}); w.Code != 200 {
		t.Errorf("with AllowPrivateURLs: %d %s", w.Code, w.Body)
	}
}

// TestBusy: with every worker and queue place taken, a rewrite is refused
// at once with 503 and Retry-After; when a place frees, it is served.
func TestBusy(t *testing.T) {
	s := New(Options{Workers: 1, Queue: 1})
	r1, err := s.admit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan func(), 1)
	go func() {
		r2, err := s.admit(context.Background())
		if err != nil {
			t.Error(err)
		}
		waiting <- r2
	}()
	for s.admitted.Load() < 2 {
		// the second admission is queued
	}
	w := call(t, s.Handler(), "POST", "/api/v1/rewrite", map[string]string{"text": seed(t, "000")})
	if e := apiErr(t, w); w.Code != 503 || e.Error.Code != "busy" || w.Header().Get("Retry-After") == "" {
		t.Errorf("full server: %d %s Retry-After %q", w.Code, e.Error.Code, w.Header().Get("Retry-After"))
	}
	r1()
	(<-waiting)()
	if w := call(t, s.Handler(), "POST", "/api/v1/rewrite", map[string]string{"text": seed(t, "000")}); w.Code != 200 {
		t.Errorf("after release: %d", w.Code)
	}
	if n := s.admitted.Load(); n != 0 {
		t.Errorf("%d admissions left after every request ended", n)
	}
}

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	s := New(Options{})
	w := call(t, s.Handler(), "GET", "/api/v1/openapi.json", nil)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &doc) != nil || doc.OpenAPI == "" {
		t.Fatalf("openapi.json: %d %.100s", w.Code, w.Body)
	}
	routes := map[string]bool{}
	for _, e := range s.endpoints() {
		method, path, _ := strings.Cut(e.pattern, " ")
		key := strings.ToLower(method) + " " + path
		routes[key] = true
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("openapi.json does not describe %s", e.pattern)
		}
	}
	for path, ops := range doc.Paths {
		for m := range ops {
			if !routes[m+" "+path] {
				t.Errorf("openapi.json describes %s %s, which is not served", m, path)
			}
		}
	}
}
