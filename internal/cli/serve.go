package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/plume-seo/plume/internal/serve"
	"github.com/plume-seo/plume/internal/store"
)

// runServe is `plume serve`: the HTTP API and the web editor, until
// SIGINT or SIGTERM, after which running requests finish.
func runServe(ctx context.Context, args []string, io IO) int {
	fs := newFlags("serve", "serve [--addr HOST:PORT] [--db FILE] [--token T] [--writer llm --llm-url URL --model NAME] [flags]", io)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	db := fs.String("db", "plume.db", `SQLite store for sources, stories and the articles' history ("" for none)`)
	token := fs.String("token", "", "bearer token required by the API (default $PLUME_TOKEN; none when empty)")
	maxBody := fs.Int64("max-body", serve.DefaultMaxBody, "largest request body in bytes")
	workers := fs.Int("workers", 0, "rewrites run at once (default: the number of CPUs)")
	queue := fs.Int("queue", 0, "rewrites that may wait for a worker before 503 (default: 4 × workers)")
	rewriteTimeout := fs.Duration("rewrite-timeout", serve.DefaultRewriteTimeout, "time limit of one rewrite")
	allowPrivate := fs.Bool("allow-private-urls", false, "let the url field name loopback, private and link-local hosts (unsafe on a shared network)")
	// --writer llm offers the LLM writer beside the offline one and makes
	// it the default of requests that name no writer.
	lf := addLLMFlags(fs)
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	switch {
	case len(pos) != 0:
		return fail(io, "serve: takes no INPUT (run plume serve --help)")
	case *maxBody <= 0:
		return fail(io, "serve: --max-body must be positive")
	case *workers < 0 || *queue < 0:
		return fail(io, "serve: --workers and --queue must not be negative")
	case *rewriteTimeout <= 0:
		return fail(io, "serve: --rewrite-timeout must be positive")
	}
	if *token == "" {
		*token = os.Getenv("PLUME_TOKEN")
	}
	opts := serve.Options{
		Token: *token, MaxBody: *maxBody, Workers: *workers, Queue: *queue,
		RewriteTimeout: *rewriteTimeout, AllowPrivateURLs: *allowPrivate, Version: version(),
		Logger: slog.New(slog.NewTextHandler(io.Err, nil)),
	}
	newLLM, err := lf.setup(ctx, fs)
	if err != nil {
		return fail(io, "serve: %v", err)
	}
	if newLLM != nil {
		opts.LLM = newLLM
		opts.DefaultWriter = "llm"
	}
	if *db != "" {
		st, err := store.Open(ctx, *db)
		if err != nil {
			return fail(io, "serve: %v", err)
		}
		defer st.Close()
		opts.Store = st
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(io, "serve: cannot listen on %s: %v", *addr, err)
	}
	fmt.Fprintf(io.Err, "plume: serving the editor on http://%s/ and the API on http://%s/api/v1/ (Ctrl-C to stop)\n", ln.Addr(), ln.Addr())
	start := time.Now()
	if err := serve.New(opts).Serve(ctx, ln); err != nil {
		return fail(io, "serve: %v", err)
	}
	fmt.Fprintf(io.Err, "plume: stopped after %s\n", time.Since(start).Round(time.Second))
	return ExitOK
}
