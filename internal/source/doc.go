// Package source is the first stage of plume's pipeline: it turns an INPUT
// argument — a file path, "-" for standard input, or an http(s) URL — into
// UTF-8 text with its detected format (plain text, HTML or Markdown).
//
// It takes bytes from the outside world and gives an [Input]. It decodes
// charsets (declared ones for HTML and HTTP, Windows-1252 for legacy text
// files), refuses binary data and oversized inputs, and enforces the URL
// fetching policy (scheme, timeout, size cap, redirect limit). It never
// interprets the content: finding the article is the clean stage's job.
//
// Every refusal is a [*Error], so callers can tell bad input (exit code 2)
// from a failure of plume itself.
package source
