package batch

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// IsTerminal reports whether w is a character device (a terminal), where a
// progress bar redrawn in place reads well; pipes and files get lines.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progress reports each finished story, as a bar or as lines.
type progress struct {
	w     io.Writer
	bar   bool
	total int
	n     int
}

func newProgress(w io.Writer, forceBar bool, total int) *progress {
	if w == nil {
		w = io.Discard
	}
	return &progress{w: w, bar: forceBar || IsTerminal(w), total: total}
}

const barWidth = 30

func (p *progress) step(it Item) {
	p.n++
	what := Words(it.Words) + " words"
	switch it.Status {
	case Done:
		what += " (already done)"
	case Failed:
		what = "FAILED: " + it.Reason
	}
	if !p.bar {
		fmt.Fprintf(p.w, "[%d/%d] %s %s\n", p.n, p.total, it.File, what)
		return
	}
	filled := barWidth * p.n / max(p.total, 1)
	line := fmt.Sprintf("\r[%s%s] %d/%d %s", strings.Repeat("=", filled), strings.Repeat(" ", barWidth-filled), p.n, p.total, it.File)
	// \x1b[K clears what a longer previous line left on the right.
	fmt.Fprint(p.w, line+"\x1b[K")
}

func (p *progress) finish() {
	if p.bar && p.n > 0 {
		fmt.Fprintln(p.w)
	}
}

// Words formats n the French way, thousands separated by a space: 1 000.
func Words(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// WriteTable prints the summary: one row per story, the totals, then the
// failures with their reasons.
func (s *Summary) WriteTable(w io.Writer) {
	fmt.Fprintln(w, "| file | sources | words | checks green | warnings | status |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---|")
	var words, green, checks, warns int
	for _, it := range s.Items {
		fmt.Fprintf(w, "| %s | %d | %s | %d/%d | %d | %s |\n", it.File, it.Sources, Words(it.Words), it.ChecksGreen, it.Checks, it.Warnings, it.Status)
		if it.Status != Failed {
			words += it.Words
			green += it.ChecksGreen
			checks += it.Checks
			warns += it.Warnings
		}
	}
	fmt.Fprintf(w, "\n%d article(s): %d written, %d already done, %d failed; %s words; checks green %d/%d; %d warning(s); %d source(s), %d input(s) refused; %.1fs\n",
		len(s.Items), s.Count(Written), s.Count(Done), s.Count(Failed), Words(words), green, checks, warns,
		s.Sources, len(s.InputFailures), s.Elapsed.Seconds())
	if len(s.InputFailures) == 0 && s.Count(Failed) == 0 {
		return
	}
	fmt.Fprintln(w, "\nFailures:")
	for _, f := range s.InputFailures {
		fmt.Fprintf(w, "  input %s: %s\n", f.Input, f.Reason)
	}
	for _, it := range s.Items {
		if it.Status == Failed {
			fmt.Fprintf(w, "  story %d (%s): %s\n", it.StoryID, it.File, it.Reason)
		}
	}
}
