package serve

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/write"
)

// Defaults of [Options].
const (
	DefaultMaxBody        = 5 << 20
	DefaultRewriteTimeout = 10 * time.Minute
	DefaultDrainTimeout   = 30 * time.Second
)

// Options configure a [Server]. The zero value serves the offline writer
// with no store, no token and the default limits.
type Options struct {
	// Store keeps sources, stories and written articles; nil serves without
	// history (the stories and articles endpoints answer 404).
	Store *store.Store
	// Token, when set, is required as "Authorization: Bearer TOKEN" on every
	// /api/ request.
	Token string
	// MaxBody bounds a request body in bytes (DefaultMaxBody when ≤ 0);
	// larger bodies get 413.
	MaxBody int64
	// Workers is the number of rewrites run at once (the number of CPUs
	// when ≤ 0) and Queue the number that may wait for a worker (4 ×
	// Workers when ≤ 0); a rewrite beyond both is refused with 503.
	Workers int
	Queue   int
	// RewriteTimeout bounds one rewrite (DefaultRewriteTimeout when ≤ 0).
	RewriteTimeout time.Duration
	// DrainTimeout bounds how long shutdown waits for running requests.
	DrainTimeout time.Duration
	// AllowPrivateURLs lets the url field name loopback, private and
	// link-local hosts. Off by default: the service would otherwise let
	// any client reach the newsroom's internal network (SSRF).
	AllowPrivateURLs bool
	// allow, when set, replaces the public-address policy of URL fetches
	// (tests stand 127.0.0.2 in for a public host).
	allow func(netip.Addr) bool
	// LLM makes an LLM writer for one rewrite (each with its own client, so
	// that each article accounts for its own calls); nil refuses writer
	// "llm".
	LLM func() (write.Writer, error)
	// DefaultWriter is the writer of requests that name none: "extractive"
	// (when empty) or "llm".
	DefaultWriter string
	// Version is reported by /healthz.
	Version string
	// Logger receives one line per request and every internal error; nil
	// discards them.
	Logger *slog.Logger
}

// Server is plume's HTTP service. Build it with [New]; it is safe for
// concurrent use.
type Server struct {
	opts     Options
	fetch    *http.Client
	slots    chan struct{} // one per running rewrite
	admitted atomic.Int64  // running + waiting rewrites
	handler  http.Handler
	log      *slog.Logger
	storeMu  sync.Mutex // serialises grouping sources into stories
}

// New returns a server with opts, its defaults filled in. A default
// writer "llm" without an LLM falls back to the offline writer.
func New(opts Options) *Server {
	if opts.LLM == nil || opts.DefaultWriter != "llm" {
		opts.DefaultWriter = "extractive"
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.Queue <= 0 {
		opts.Queue = 4 * opts.Workers
	}
	if opts.RewriteTimeout <= 0 {
		opts.RewriteTimeout = DefaultRewriteTimeout
	}
	if opts.DrainTimeout <= 0 {
		opts.DrainTimeout = DefaultDrainTimeout
	}
	s := &Server{opts: opts, slots: make(chan struct{}, opts.Workers), log: opts.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	switch {
	case opts.AllowPrivateURLs:
		s.fetch = source.NewClient()
	case opts.allow != nil:
		s.fetch = source.NewGuardedClient(opts.allow)
	default:
		s.fetch = source.NewPublicClient()
	}
	s.handler = s.routes()
	return s
}

// Handler returns the service's handler: the API, the editor and their
// middleware.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve answers requests on ln until ctx is done, then shuts down
// gracefully: it stops accepting connections and waits up to the drain
// timeout for running requests, which keep their own contexts and finish.
// It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		// A rewrite with a slow model may take minutes.
		WriteTimeout:   s.opts.RewriteTimeout + time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down: waiting for running requests", "drain", s.opts.DrainTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.opts.DrainTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// admit reserves a place for a rewrite: a worker slot, waiting in the queue
// if all are busy. It fails at once with errBusy when the queue is full, or
// when ctx ends while waiting. The caller must call the returned release.
func (s *Server) admit(ctx context.Context) (release func(), err error) {
	if s.admitted.Add(1) > int64(s.opts.Workers+s.opts.Queue) {
		s.admitted.Add(-1)
		return nil, errBusy
	}
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots; s.admitted.Add(-1) }, nil
	case <-ctx.Done():
		s.admitted.Add(-1)
		return nil, ctx.Err()
	}
}

// middleware wraps every route: security headers, panic recovery, the
// token on /api/ and one log line per request.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h := sw.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "+
			"img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				if sw.status == 0 {
					writeError(sw, r, s.log, fmt.Errorf("panic: %v", v))
				}
			}
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.code(),
				"duration", time.Since(start).Round(time.Microsecond))
		}()
		if strings.HasPrefix(r.URL.Path, "/api/") && !s.authorized(r) {
			sw.Header().Set("WWW-Authenticate", `Bearer realm="plume"`)
			writeError(sw, r, s.log, errUnauthorized)
			return
		}
		next.ServeHTTP(sw, r)
	})
}

func (s *Server) authorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.opts.Token)) == 1
}

// statusWriter records the status a handler wrote, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) code() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
