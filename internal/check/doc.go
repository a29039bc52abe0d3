// Package check scores a finished French article for SEO and readability:
// every assessment that Yoast SEO 3.6.0 runs on a French post (rules written
// in docs/yoast-rules.md, reimplemented from that description, never from
// Yoast's code), plus plume's own checks (keyphrase matching across French
// word forms and elision, typography, headings, minimum length, language
// purity, repeated sentences, Kandel–Moles reading ease).
//
// It takes an [article.Article] and [Options] and gives a [Report]: one
// [Result] per check (score 0–9 or Yoast's negative scores, a rating, a
// message in French or English) with Yoast's two aggregate scores and a few
// figures. Checks are registered Caddy-style under namespaced ids
// (seo.keyphrase_density, readability.passive_voice, plume.typography…) and
// receive a [Document]: the article cut into scoped blocks (title, seo_title,
// meta_description, slug, heading.h2, paragraph, list, quote, image) whose
// text is already split into sentences and words.
//
// It never parses Markdown or HTML (package article does), never prints
// (reporters write a Report to an io.Writer), never reads files or the network
// and never panics on any article.
package check
