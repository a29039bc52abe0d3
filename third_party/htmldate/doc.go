// Package htmldate is plume's own publication-date finder, standing in for
// github.com/markusmobius/go-htmldate under its import path: plume's
// go.mod replaces that module with this folder.
//
// Why: go-trafilatura, which plume uses to extract articles from HTML,
// imports go-htmldate, which imports go-dateparser, whose package
// initialisation builds locale tables for some 200 languages — about 0.2 s
// and 78 MB at the start of every plume command, whether it reads HTML or
// not. News pages state their date in machine-readable places, which this
// package reads without any of that: meta tags (Open Graph, Dublin Core,
// schema.org), JSON-LD, <time datetime>, itemprop attributes, the URL,
// then — unless SkipExtensiveSearch — dates written out in French or
// English in elements whose class or id speaks of a date.
//
// Only the part of go-htmldate's API that go-trafilatura uses is provided:
// [Options], [Result] and [FromDocument]. No code of go-htmldate is copied.
package htmldate
