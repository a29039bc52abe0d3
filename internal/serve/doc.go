// Package serve is plume's HTTP service: a JSON API over the clean,
// analyse and rewrite stages and the store's stories and articles, and the
// French web editor that uses it, served from embedded assets.
//
// The service is meant to be reachable from a newsroom network: request
// bodies are bounded, rewrites are admitted up to a bound and refused with
// 503 and Retry-After beyond it, URLs are fetched only from public
// addresses (checked after DNS resolution and on every redirect), an
// optional bearer token guards the API, every response carries a strict
// Content-Security-Policy, and shutdown lets running requests finish.
// Every error leaves through one function, [writeError], in one JSON shape:
//
//	{"error": {"code": "too_large", "message": "…"}}
package serve
