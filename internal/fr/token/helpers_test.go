package token

import (
	"os"
	"path/filepath"
	"testing"
)

func readSeed(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "seeds", name))
	if err != nil {
		tb.Fatalf("read seed: %v", err)
	}
	return string(b)
}
