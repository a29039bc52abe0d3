package source

import (
	"regexp"
	"strings"
)

var (
	htmlStart = regexp.MustCompile(`(?i)^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])`)
	htmlTag   = regexp.MustCompile(`(?i)</?(p|div|span|a|h[1-6]|article|section|br|ul|ol|li|table|script|style|meta|title|body|img|blockquote|em|strong)(\s[^<>]*)?/?>`)
	mdFront   = regexp.MustCompile(`\A---\r?\n(?s:.*?)\r?\n---\r?\n`)
	mdLine    = regexp.MustCompile(`(?m)^(#{1,6} \S|[-*+] \S|\d{1,3}\. \S|> \S|` + "```" + `)`)
	mdInline  = regexp.MustCompile(`\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|__[^_\n]+__`)
)

// Detect classifies content as HTML, Markdown or plain text from the content
// alone; a file's extension is never consulted, since pasted copy arrives in
// files with any name.
func Detect(text string) Format {
	head := text
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if htmlStart.MatchString(head) {
		return HTML
	}
	tags := len(htmlTag.FindAllStringIndex(head, 200))
	words := len(strings.Fields(head))
	// A paste of prose may mention "<p>" once; a page is dense with tags.
	if tags >= 3 && tags*20 >= words {
		return HTML
	}
	if mdFront.MatchString(head) {
		return Markdown
	}
	lines := mdLine.FindAllStringIndex(head, 100)
	headings := 0
	for _, l := range lines {
		if head[l[0]] == '#' {
			headings++
		}
	}
	inline := len(mdInline.FindAllStringIndex(head, 100))
	if headings >= 1 && len(lines)+inline >= 2 || inline >= 2 || len(lines) >= 4 {
		return Markdown
	}
	return Text
}
