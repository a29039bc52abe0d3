// Command plume turns raw French news copy into publish-ready SEO articles.
//
// All behaviour lives in internal/cli; main only wires the process to it.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/plume-seo/plume/internal/cli"
	_ "github.com/plume-seo/plume/internal/fr/preload" // the French kit decodes while the program initialises
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}
