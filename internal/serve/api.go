package serve

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/stories"
	"github.com/plume-seo/plume/internal/write"
)

//go:embed web openapi.json
var assets embed.FS

// handlerFunc is an API handler: it writes its response, or returns an
// error for writeError.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// route registers h for "METHOD /path", and for every other method on the
// same path a JSON 405, so that no API error escapes the one shape.
func (s *Server) route(mux *http.ServeMux, pattern string, h handlerFunc) {
	method, path, _ := strings.Cut(pattern, " ")
	mux.Handle(pattern, s.api(h))
	mux.Handle(path, s.api(func(w http.ResponseWriter, r *http.Request) error {
		w.Header().Set("Allow", method)
		return &apiError{http.StatusMethodNotAllowed, "method_not_allowed", "use " + method + " on " + path}
	}))
}

// endpoint is one route of the API.
type endpoint struct {
	pattern string
	h       handlerFunc
}

// endpoints are the API's routes; openapi.json describes each (a test
// holds them together).
func (s *Server) endpoints() []endpoint {
	return []endpoint{
		{"GET /healthz", s.health},
		{"GET /api/v1/openapi.json", s.openAPI},
		{"POST /api/v1/clean", s.clean},
		{"POST /api/v1/analyze", s.analyze},
		{"POST /api/v1/rewrite", s.rewrite},
		{"GET /api/v1/stories", s.stories},
		{"GET /api/v1/stories/{id}", s.story},
		{"GET /api/v1/articles", s.articles},
		{"GET /api/v1/articles/{id}", s.article},
	}
}

func (s *Server) api(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			writeError(w, r, s.log, err)
		}
	})
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, e := range s.endpoints() {
		s.route(mux, e.pattern, e.h)
	}
	mux.Handle("/api/", s.api(func(http.ResponseWriter, *http.Request) error { return errNotFound }))
	web, _ := fs.Sub(assets, "web")
	files := http.FileServerFS(web)
	mux.Handle("/", s.api(func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			return &apiError{http.StatusMethodNotAllowed, "method_not_allowed", "the editor's files are read with GET"}
		}
		files.ServeHTTP(w, r)
		return nil
	}))
	return s.middleware(mux)
}

// decode reads a JSON body into v: the body is bounded, unknown fields and
// trailing data are refused.
func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return &apiError{http.StatusUnsupportedMediaType, "unsupported_media_type", "send the body as application/json"}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return badRequest("empty body: send a JSON object")
		}
		return badRequest("invalid JSON body: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("invalid JSON body: more than one value")
	}
	return nil
}

func (s *Server) health(w http.ResponseWriter, _ *http.Request) error {
	writers := []string{"extractive"}
	if s.opts.LLM != nil {
		writers = append(writers, "llm")
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"status": "ok", "version": s.opts.Version, "writers": writers, "default_writer": s.opts.DefaultWriter,
		"store": s.opts.Store != nil, "auth": s.opts.Token != "",
	})
	return nil
}

func (s *Server) openAPI(w http.ResponseWriter, _ *http.Request) error {
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
	return nil
}

// sourceReq is one source of a request: pasted text, HTML, or a URL.
type sourceReq struct {
	Text string `json:"text,omitempty"`
	HTML string `json:"html,omitempty"`
	URL  string `json:"url,omitempty"`
}

// load reads and cleans one source.
func (s *Server) load(ctx context.Context, name string, sr sourceReq) (*clean.Document, error) {
	n := 0
	for _, f := range []string{sr.Text, sr.HTML, sr.URL} {
		if strings.TrimSpace(f) != "" {
			n++
		}
	}
	if n != 1 {
		return nil, badRequest("%s: give exactly one of text, html or url", name)
	}
	var in *source.Input
	var err error
	switch {
	case strings.TrimSpace(sr.URL) != "":
		in, err = source.Fetch(ctx, strings.TrimSpace(sr.URL), source.Options{Client: s.fetch})
	case sr.HTML != "":
		in = &source.Input{Name: name, Format: source.HTML, Charset: "utf-8", Text: sr.HTML}
	default:
		in, err = source.FromBytes(name, []byte(sr.Text), "text/plain; charset=utf-8")
	}
	if err != nil {
		return nil, err
	}
	return clean.Clean(in)
}

func (s *Server) clean(w http.ResponseWriter, r *http.Request) error {
	var req sourceReq
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	doc, err := s.load(r.Context(), "source", req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, doc)
	return nil
}

// analyzeReq is an article to score: Markdown (with front matter) or
// plain text in text, or HTML.
type analyzeReq struct {
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
	Keyphrase string `json:"keyphrase,omitempty"`
	MinWords  int    `json:"min_words,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Mode      string `json:"mode,omitempty"`
}

func (s *Server) analyze(w http.ResponseWriter, r *http.Request) error {
	var req analyzeReq
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	opts := check.Options{Lang: req.Lang, Keyphrase: req.Keyphrase, MinWords: req.MinWords}
	switch req.Lang {
	case "":
		opts.Lang = "fr"
	case "fr", "en":
	default:
		return badRequest("unknown lang %q (fr or en)", req.Lang)
	}
	m, err := check.ParseMode(req.Mode)
	if err != nil {
		return badRequest("%v", err)
	}
	opts.Mode = m
	if err := checkMinWords(req.MinWords); err != nil {
		return err
	}
	text := req.Text
	if (req.Text == "") == (req.HTML == "") {
		return badRequest("give exactly one of text or html")
	}
	if text == "" {
		text = req.HTML
	}
	rep, err := check.AnalyzeText(text, opts)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

// rewriteReq asks for an article: one source inline, or several in
// sources, and the rewrite options of plume rewrite.
type rewriteReq struct {
	sourceReq
	Sources   []sourceReq `json:"sources,omitempty"`
	Keyphrase string      `json:"keyphrase,omitempty"`
	MinWords  int         `json:"min_words,omitempty"`
	Writer    string      `json:"writer,omitempty"`
	Format    string      `json:"format,omitempty"`
}

// checkMinWords refuses a length no rewrite is asked for.
func checkMinWords(n int) error {
	if n < 0 || n > rewrite.MaxMinWords {
		return badRequest("min_words %d out of range (0–%d)", n, rewrite.MaxMinWords)
	}
	return nil
}

// maxSources bounds the sources of one rewrite.
const maxSources = 10

func (s *Server) rewrite(w http.ResponseWriter, r *http.Request) error {
	var req rewriteReq
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	if err := checkMinWords(req.MinWords); err != nil {
		return err
	}
	srcs := req.Sources
	if req.sourceReq != (sourceReq{}) {
		srcs = append([]sourceReq{req.sourceReq}, srcs...)
	}
	switch {
	case len(srcs) == 0:
		return badRequest("no source: give text, html or url, or sources")
	case len(srcs) > maxSources:
		return badRequest("%d sources, at most %d", len(srcs), maxSources)
	case len(req.Keyphrase) > 200:
		return badRequest("keyphrase longer than 200 bytes")
	}
	switch req.Format {
	case "", "json", "md", "html":
	default:
		return badRequest("unknown format %q (json, md or html)", req.Format)
	}
	var writer write.Writer
	if req.Writer == "" {
		req.Writer = s.opts.DefaultWriter
	}
	switch req.Writer {
	case "extractive":
	case "llm":
		if s.opts.LLM == nil {
			return &apiError{http.StatusBadRequest, "llm_unavailable",
				"this server has no model configured (start plume serve with --writer llm --llm-url URL --model NAME)"}
		}
		w, err := s.opts.LLM()
		if err != nil {
			return err
		}
		writer = w
	default:
		return badRequest("unknown writer %q (extractive or llm)", req.Writer)
	}

	release, err := s.admit(r.Context())
	if err != nil {
		return err
	}
	defer release()
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.RewriteTimeout)
	defer cancel()

	var inputs []rewrite.Input
	for i, sr := range srcs {
		name := "source " + strconv.Itoa(i+1)
		if sr.URL != "" {
			name = strings.TrimSpace(sr.URL)
		}
		doc, err := s.load(ctx, name, sr)
		if err != nil {
			return err
		}
		if sr.URL == "" {
			name = label(doc, name)
		}
		inputs = append(inputs, rewrite.Input{Name: name, Doc: doc})
	}
	storyID, related, err := s.remember(ctx, inputs)
	if err != nil {
		return err
	}
	res, err := rewrite.Run(ctx, inputs, rewrite.Options{
		Keyphrase: req.Keyphrase, MinWords: req.MinWords, Writer: writer, Related: related,
	})
	if err != nil {
		return err
	}
	if s.opts.Store != nil {
		id, err := s.keep(ctx, storyID, res)
		if err != nil {
			return err
		}
		w.Header().Set("Location", "/api/v1/articles/"+strconv.FormatInt(id, 10))
	}
	switch req.Format {
	case "md":
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		io.WriteString(w, res.Markdown)
	case "html":
		// The page is plume's own rendering, every text escaped; the CSP
		// above forbids any script in it to run.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, res.HTML)
	default:
		writeJSON(w, http.StatusOK, res)
	}
	return nil
}

// label names a pasted source in the store and the history: its title,
// else the first words of its text, else fallback.
func label(doc *clean.Document, fallback string) string {
	if t := strings.TrimSpace(doc.Title); t != "" {
		return t
	}
	for _, bl := range doc.Blocks {
		words := strings.Fields(bl.Text)
		if len(words) == 0 {
			continue
		}
		if len(words) > 8 {
			return strings.Join(words[:8], " ") + " …"
		}
		return strings.Join(words, " ")
	}
	return fallback
}

// remember stores the sources and groups them into stories, and returns the
// story of the first source and the sources of its related stories, for
// context and links. Without a store it returns nothing.
func (s *Server) remember(ctx context.Context, inputs []rewrite.Input) (int64, []rewrite.Input, error) {
	st := s.opts.Store
	if st == nil {
		return 0, nil, nil
	}
	// Grouping rebuilds the stories over the whole store: one at a time,
	// or two requests could open the same story twice.
	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	var first int64
	for i, in := range inputs {
		rec, err := stories.Source(in.Name, in.Doc)
		if err != nil {
			return 0, nil, err
		}
		id, _, err := st.PutSource(ctx, rec)
		if err != nil {
			return 0, nil, err
		}
		if i == 0 {
			first = id
		}
	}
	storyID, rel, err := stories.AssignRelated(ctx, st, first)
	if err != nil {
		return 0, nil, err
	}
	// The story's own sources are not context for it.
	own := map[string]bool{}
	for _, in := range inputs {
		own[stories.Text(in.Doc)] = true
	}
	var out []rewrite.Input
	for _, r := range rel {
		if !own[stories.Text(r.Doc)] {
			out = append(out, r)
		}
	}
	return storyID, out, nil
}

// keep stores a written article and returns its id. It is stored even if
// the client has gone away meanwhile: the work is done.
func (s *Server) keep(ctx context.Context, storyID int64, res *rewrite.Result) (int64, error) {
	rec, err := stories.Article(res, res)
	if err != nil {
		return 0, err
	}
	rec.StoryID, rec.Format = storyID, "json"
	return s.opts.Store.PutArticle(context.WithoutCancel(ctx), rec)
}

// storyJSON is a story in listings.
type storyJSON struct {
	ID        int64     `json:"id"`
	Slug      string    `json:"slug"`
	Title     string    `json:"title"`
	Sources   int       `json:"sources"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func (s *Server) stories(w http.ResponseWriter, r *http.Request) error {
	if s.opts.Store == nil {
		return errNoStore
	}
	list, err := s.opts.Store.Stories(r.Context())
	if err != nil {
		return err
	}
	out := make([]storyJSON, 0, len(list))
	for _, st := range list {
		out = append(out, storyJSON{st.ID, st.Slug, st.Title, st.SourceCount, st.CreatedAt, st.UpdatedAt})
	}
	writeJSON(w, http.StatusOK, map[string]any{"stories": out})
	return nil
}

func (s *Server) story(w http.ResponseWriter, r *http.Request) error {
	if s.opts.Store == nil {
		return errNoStore
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	st, err := s.opts.Store.Story(r.Context(), id)
	if err != nil {
		return err
	}
	srcs, err := s.opts.Store.StorySources(r.Context(), id)
	if err != nil {
		return err
	}
	arts, err := s.opts.Store.Articles(r.Context(), id)
	if err != nil {
		return err
	}
	type sourceJSON struct {
		ID    int64  `json:"id"`
		Name  string `json:"name"`
		Title string `json:"title"`
		URL   string `json:"url,omitempty"`
		Site  string `json:"site,omitempty"`
	}
	sj := make([]sourceJSON, 0, len(srcs))
	for _, src := range srcs {
		sj = append(sj, sourceJSON{src.ID, src.Name, src.Title, src.URL, src.Site})
	}
	aj := make([]articleSummary, 0, len(arts))
	for _, a := range arts {
		aj = append(aj, summarize(a))
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"story":    storyJSON{st.ID, st.Slug, st.Title, len(srcs), st.CreatedAt, st.UpdatedAt},
		"sources":  sj,
		"articles": aj,
	})
	return nil
}

// articleSummary is an article in listings: the history.
type articleSummary struct {
	ID               int64     `json:"id"`
	StoryID          int64     `json:"story_id"`
	Title            string    `json:"title"`
	Keyphrase        string    `json:"keyphrase"`
	Words            int       `json:"word_count"`
	SEOScore         float64   `json:"seo_score"`
	ReadabilityScore float64   `json:"readability_score"`
	Warnings         int       `json:"warnings"`
	CreatedAt        time.Time `json:"created_at"`
}

func summarize(a store.Article) articleSummary {
	var head struct {
		Title     string `json:"title"`
		Keyphrase string `json:"keyphrase"`
	}
	if len(a.JSON) > 0 {
		// A summary without a title is still useful; the JSON was checked
		// valid when stored.
		_ = json.Unmarshal(a.JSON, &head)
	}
	return articleSummary{a.ID, a.StoryID, head.Title, head.Keyphrase, a.WordCount,
		a.SEOScore, a.ReadabilityScore, len(a.Warnings), a.CreatedAt}
}

// historyLimit is how many articles the history lists by default, and at most.
const historyLimit = 50

func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	if s.opts.Store == nil {
		return errNoStore
	}
	limit := historyLimit
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > historyLimit {
			return badRequest("limit must be a number from 1 to %d", historyLimit)
		}
		limit = n
	}
	list, err := s.opts.Store.RecentArticles(r.Context(), limit)
	if err != nil {
		return err
	}
	out := make([]articleSummary, 0, len(list))
	for _, a := range list {
		out = append(out, summarize(a))
	}
	writeJSON(w, http.StatusOK, map[string]any{"articles": out})
	return nil
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	if s.opts.Store == nil {
		return errNoStore
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	a, err := s.opts.Store.Article(r.Context(), id)
	if err != nil {
		return err
	}
	var result json.RawMessage
	if len(a.JSON) > 0 {
		result = a.JSON
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": a.ID, "story_id": a.StoryID, "created_at": a.CreatedAt, "format": a.Format,
		"markdown": a.Markdown, "html": a.HTML, "result": result,
	})
	return nil
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("id %q is not a positive number", r.PathValue("id"))
	}
	return id, nil
}
