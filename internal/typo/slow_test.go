//go:build !race

// The race detector slows code too unevenly for timing comparisons.

package typo

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime guards against quadratic behaviour on hostile input: four
// times the input must cost well under sixteen times the time.
func TestLinearTime(t *testing.T) {
	t.Parallel()
	timeOf := func(f func(string, Style) string, s string) time.Duration {
		best := time.Hour // best of three: the machine is shared
		for range 3 {
			start := time.Now()
			f(s, DefaultStyle())
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, unit := range []string{"@", "a@", "<a", "`", "``", "\"", "« ", "“", "]( (", "{{", "&#", "http://", "www.a", "a.b@c", "' ", "1 ", "-- ", "\n"} {
		for _, f := range []func(string, Style) string{Fix, FixMarkdown} {
			n := 5000 / len(unit)
			small := timeOf(f, strings.Repeat(unit, n))
			large := timeOf(f, strings.Repeat(unit, 4*n))
			if large > 10*small+20*time.Millisecond {
				t.Errorf("%q: ×%d took %v, ×%d took %v", unit, n, small, 4*n, large)
			}
		}
	}
}
