package facts

import "regexp"

// spliced matches a sentence opening in the middle of a clause: a word in
// lower case, then a capitalised subject pronoun and its verb, with no
// punctuation between (« … dont nous avons besoin pour C’est une menace
// active … » in 000: two sentences of the source pasted over each other).
var spliced = regexp.MustCompile(`(?:^|[^\p{L}’'])\p{Ll}+ (?:C[’']est|Il|Elle|Ils|Elles|Nous|Je|On) \p{L}`)

// Spliced reports whether a sentence's text was cut and pasted into
// another: it cannot be published as the sources wrote it, and a
// quotation cannot be mended, so the writers leave it out.
func Spliced(s string) bool { return spliced.MatchString(s) }
